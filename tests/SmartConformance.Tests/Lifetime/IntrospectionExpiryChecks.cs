using System.Text.Json;
using NUnit.Framework;
using SmartConformance.Harness.Smart;
using SmartConformance.Tests.Framework;
using SmartConformance.Tests.Introspection;

namespace SmartConformance.Tests.Lifetime;

[CheckGroup("Token lifetime")]
public sealed class IntrospectionExpiryChecks : ConformanceFixture
{
    // SMART App Launch 2.2 token-introspection.html: exp "consistent with" expires_in; a minute covers clock and transit.
    private static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(60);

    [Test]
    [Check("EXP-03", "Introspection's exp agrees with the time of issue plus the token response's expires_in",
        "SMART App Launch 2.2 Token Introspection: required fields (exp)", TokenSpec.Introspection)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@276")]
    public async Task IntrospectedExp_MatchesExpiresIn()
    {
        var endpoint = await TokenEvidence.AdvertisedEndpointAsync(Session, "introspection_endpoint");
        var launch = RequireLaunch(await TokenEvidence.ConfidentialLaunchAsync(Session), "TOK-01", l => l.AccessToken is not null);
        var issued = launch.Token!.Exchange;
        if (launch.Token.Response.ExpiresIn <= 0 || issued is null) { Skip("The token response has no expires_in; EXP-01 reports it."); return; }
        var client = TokenEvidence.ConfidentialClient(Session);
        var introspection = await OAuthFormPost.SendAsync(Session.Http, endpoint, "introspect-expiry", [new("token", launch.AccessToken!)], client, CancellationToken.None);
        Uses(introspection.Exchange);
        if (introspection.Active != true || introspection.Json is not { } json
            || !json.TryGetProperty("exp", out var exp) || exp.ValueKind != JsonValueKind.Number || !exp.TryGetInt64(out var seconds))
        {
            Skip("The introspection response is not active with an integer exp; INT-01 reports it.");
            return;
        }
        var lifetime = launch.Token.Response.ExpiresIn;
        var expected = issued.StartedAt.AddSeconds(lifetime);
        var actual = DateTimeOffset.FromUnixTimeSeconds(seconds);
        if ((actual - expected).Duration() > Tolerance)
            Fail($"Introspection says exp {seconds} ({actual:u}), but the token response at {issued.StartedAt:u} said expires_in {lifetime} s, which puts expiry at about {expected:u}.",
                introspection.Exchange, $"the introspected exp is the issue time plus expires_in (within {Tolerance.TotalSeconds:0} s)");
    }
}
