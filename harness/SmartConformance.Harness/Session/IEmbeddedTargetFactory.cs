namespace SmartConformance.Harness.Session;

/// <summary>Starts the embedded reference server; implemented beside it so the harness stays server-agnostic.</summary>
public interface IEmbeddedTargetFactory
{
    Task<EmbeddedTarget> StartAsync(EmbeddedTargetRequest request, CancellationToken ct);
}

/// <param name="Https">Serve HTTPS with a certificate made for this run (<see cref="EmbeddedTarget.Certificate"/>).</param>
public sealed record EmbeddedTargetRequest(IReadOnlyList<string> Faults, IReadOnlyList<string> RedirectUris, TimeSpan? AccessTokenLifetime, bool Https = false);

/// <param name="OpenFhirBaseUrl">The target's FHIR base that needs no authorization, if it has one.</param>
/// <param name="SecondFhirBaseUrl">Another protected FHIR base of the target's authorization server, if it has one.</param>
/// <param name="Certificate">The self-signed certificate the target presents, which the run trusts (and no other); null over plain HTTP.</param>
public sealed record EmbeddedTarget(Uri FhirBaseUrl, IAsyncDisposable Host, Uri? OpenFhirBaseUrl = null, Uri? SecondFhirBaseUrl = null,
    System.Security.Cryptography.X509Certificates.X509Certificate2? Certificate = null);
