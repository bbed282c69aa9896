namespace SmartConformance.Harness.Session;

/// <summary>Starts the embedded reference server; implemented beside it so the harness stays server-agnostic.</summary>
public interface IEmbeddedTargetFactory
{
    Task<EmbeddedTarget> StartAsync(EmbeddedTargetRequest request, CancellationToken ct);
}

public sealed record EmbeddedTargetRequest(IReadOnlyList<string> Faults, IReadOnlyList<string> RedirectUris, TimeSpan? AccessTokenLifetime);

/// <param name="OpenFhirBaseUrl">The target's FHIR base that needs no authorization, if it has one.</param>
/// <param name="SecondFhirBaseUrl">Another protected FHIR base of the target's authorization server, if it has one.</param>
public sealed record EmbeddedTarget(Uri FhirBaseUrl, IAsyncDisposable Host, Uri? OpenFhirBaseUrl = null, Uri? SecondFhirBaseUrl = null);
