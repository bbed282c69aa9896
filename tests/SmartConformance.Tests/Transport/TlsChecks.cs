using System.Security.Authentication;
using NUnit.Framework;
using SmartConformance.Harness.Smart;
using SmartConformance.Harness.Tls;
using SmartConformance.Tests.Framework;

namespace SmartConformance.Tests.Transport;

[CheckGroup("Transport security")]
public sealed class TlsChecks : ConformanceFixture
{
    private const string AppProtection = Spec.Smart + "app-launch.html#app-protection";
    private static readonly string[] DiscoveredEndpoints =
        ["authorization_endpoint", "token_endpoint", "introspection_endpoint", "revocation_endpoint", "registration_endpoint", "management_endpoint", "jwks_uri"];

    [Test]
    [Check("AUTHZ-10", "Every endpoint (FHIR bases, authorize, token and the other advertised ones) uses https with TLS 1.2 or later, and refuses TLS 1.0 and 1.1",
        "SMART App Launch 2.2 App Launch: app protection; Backend Services: request (TLS 1.2 or later); RFC 8996", AppProtection)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@231"), Requirement("RFC8996@2"), Requirement("RFC8996@3")]
    public async Task EveryOrigin_UsesTls12OrLater()
    {
        if (Session.Profile.Tls.SkipProtocolChecks is { } reason)
        {
            Skip($"Skipped by the profile: {reason} (tls.skipProtocolChecks). TLS versions and plain http were not tested in this run.");
            return;
        }
        var fetch = await Session.DiscoveryAsync();
        Uses(fetch.Exchange);
        var endpoints = Endpoints(fetch.Configuration);
        var timeout = TimeSpan.FromSeconds(Session.Options.HttpTimeoutSeconds ?? Session.Profile.Timeouts.HttpSeconds);
        var problems = new List<string>();
        var untested = new List<string>();
        foreach (var origin in endpoints.GroupBy(e => e.Url.GetLeftPart(UriPartial.Authority), StringComparer.OrdinalIgnoreCase))
        {
            var uri = origin.First().Url;
            var serves = $"{origin.Key} ({string.Join(", ", origin.Select(e => $"{e.Name} {e.Url.AbsolutePath}"))})";
            if (uri.Scheme != Uri.UriSchemeHttps)
            {
                problems.Add($"{serves} is plain {uri.Scheme}, without TLS");
                continue;
            }
            var handshake = await TlsHandshake.RunAsync(uri.IdnHost, uri.Port, Session.Trust, timeout, Session.Stopping);
            if (handshake.Protocol is not { } protocol)
            {
                problems.Add($"{serves}: {handshake.Problem}");
                continue;
            }
            var issues = new List<string>();
            if (protocol is not (SslProtocols.Tls12 or SslProtocols.Tls13))
                issues.Add($"negotiated {TlsHandshakeResult.Name(protocol)} with this machine's default TLS settings");
            foreach (var legacy in new[] { LegacyTlsProbe.Tls10, LegacyTlsProbe.Tls11 })
            {
                var answer = await LegacyTlsProbe.AskAsync(uri.IdnHost, uri.Port, legacy, timeout, Session.Stopping);
                if (answer.Accepted)
                    issues.Add($"accepted a ClientHello offering at most {LegacyTlsProbe.Name(legacy)} (it answered {answer.Answer})");
                else if (answer.Inconclusive)
                    untested.Add($"{LegacyTlsProbe.Name(legacy)} at {origin.Key}: {answer.Answer}");
            }
            if (issues.Count > 0) problems.Add($"{serves} {string.Join(" and ", issues)}");
        }
        if (problems.Count > 0)
            Fail($"Not every endpoint is protected by TLS 1.2 or later: {string.Join("; ", problems)}.", fetch.Exchange,
                "every exchange with the FHIR server, the authorization server and their other endpoints SHALL use TLS 1.2 or later; " +
                "TLS 1.0 and TLS 1.1 MUST NOT be negotiated (RFC 8996 §2, §3; SMART backend-services.html#request-1 asks for TLS 1.2 or later)");
        if (untested.Count > 0)
            Session.Notice($"AUTHZ-10: the refusal of TLS 1.0/1.1 was not tested for {string.Join("; ", untested)}.");
        if (fetch.Configuration is null)
            Skip($"The FHIR bases use TLS 1.2 or later, but the discovery document could not be read ({fetch.Problem}), so the authorize and token endpoints were not tested; DISC-01 reports why.");
    }

    private static List<(string Name, Uri Url)> Endpoints(SmartConfiguration? configuration)
    {
        var endpoints = new List<(string Name, Uri Url)> { ("FHIR base", Session.FhirBaseUrl) };
        if (Session.OpenFhirBaseUrl is { } open) endpoints.Add(("open FHIR base", open));
        if (Session.SecondFhirBaseUrl is { } second) endpoints.Add(("second FHIR base", second));
        foreach (var field in DiscoveredEndpoints)
            if (configuration?.Url(field) is { } url) endpoints.Add((field, url));
        return endpoints;
    }
}
