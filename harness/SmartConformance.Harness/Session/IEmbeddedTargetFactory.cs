namespace SmartConformance.Harness.Session;

/// <summary>Starts the embedded reference server; implemented beside it so the harness stays server-agnostic.</summary>
public interface IEmbeddedTargetFactory
{
    Task<EmbeddedTarget> StartAsync(EmbeddedTargetRequest request, CancellationToken ct);
}

public sealed record EmbeddedTargetRequest(IReadOnlyList<string> Faults, IReadOnlyList<string> RedirectUris, TimeSpan? AccessTokenLifetime);

public sealed record EmbeddedTarget(Uri FhirBaseUrl, IAsyncDisposable Host);
