using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace SmartConformance.ReferenceServer.Hosting;

/// <summary>
/// The server's public URLs. The port is only known once Kestrel is listening (port 0 picks a free one),
/// so everything that needs a URL resolves it lazily from the server's addresses.
/// </summary>
internal sealed class ServerUrls(IServer server)
{
    public const string FhirPath = "fhir";
    public const string OpenFhirPath = "open-fhir";
    public const string SecondFhirPath = "fhir-b";

    // PublicationOnly: a read before the server listens must not cache the failure.
    private readonly Lazy<Uri> _baseUrl = new(() => ResolveBaseUrl(server), LazyThreadSafetyMode.PublicationOnly);

    /// <summary><c>http(s)://127.0.0.1:PORT/</c>; also the OAuth issuer (OpenIddict always writes it with the trailing slash).</summary>
    public Uri BaseUrl => _baseUrl.Value;

    /// <summary><c>http(s)://127.0.0.1:PORT/fhir</c>, without a trailing slash; also the access tokens' audience.</summary>
    public Uri FhirBaseUrl => new(BaseUrl, FhirPath);

    public string Issuer => BaseUrl.AbsoluteUri;

    public string FhirBase => FhirBaseUrl.AbsoluteUri;

    /// <summary><c>http(s)://127.0.0.1:PORT/open-fhir</c>: the same data without authorization.</summary>
    public Uri OpenFhirBaseUrl => new(BaseUrl, OpenFhirPath);

    /// <summary>
    /// <c>http(s)://127.0.0.1:PORT/fhir-b</c>: a second protected base of the same authorization server, for tokens whose aud
    /// names it (a deployment with several FHIR endpoints, RS-09).
    /// </summary>
    public Uri SecondFhirBaseUrl => new(BaseUrl, SecondFhirPath);

    public string SecondFhirBase => SecondFhirBaseUrl.AbsoluteUri;

    /// <summary>The protected base an aud parameter names (a trailing slash is tolerated), or null for anything else.</summary>
    public string? ProtectedBaseNamedBy(string? audience) =>
        new[] { FhirBase, SecondFhirBase }.FirstOrDefault(b => string.Equals(audience?.TrimEnd('/'), b.TrimEnd('/'), StringComparison.Ordinal));

    public string Absolute(string relativePath) => new Uri(BaseUrl, relativePath).AbsoluteUri;

    public string FhirAbsolute(string relativeReference) => $"{FhirBase}/{relativeReference}";

    private static Uri ResolveBaseUrl(IServer server)
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The reference server is not listening yet.");
        var listening = new Uri(address);
        return new Uri($"{listening.Scheme}://127.0.0.1:{listening.Port}/");
    }
}
