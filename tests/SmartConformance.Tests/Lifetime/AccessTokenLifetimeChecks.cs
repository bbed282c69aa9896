using NUnit.Framework;
using SmartConformance.Tests.Framework;
using SmartConformance.Tests.Token;

namespace SmartConformance.Tests.Lifetime;

[CheckGroup("Token lifetime")]
public sealed class AccessTokenLifetimeChecks : ConformanceFixture
{
    private const int OneHour = 3600;

    [Test]
    [Check("EXP-01", "expires_in is a positive number of seconds, within the profile's maximum and (SHOULD) at most one hour",
        "SMART App Launch 2.2 App Launch: access token response", Spec.TokenResponse)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@76"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@88"),
     Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@91")]
    public async Task ExpiresIn_IsPresentAndBounded()
    {
        var launch = RequireLaunch(await Session.StandalonePatientLaunchAsync(), "TOK-01", l => l.Token is { Response.IsError: false });
        var exchange = launch.Token!.Exchange;
        var max = Session.Profile.Policies.MaxAccessTokenLifetimeSeconds;
        var requirement = $"expires_in states the access token's lifetime in seconds{(max is null ? "" : $", at most {max} s (the profile's maximum)")}; lifetimes SHOULD NOT exceed one hour";
        var json = launch.Token.Response.Json;
        if (json is null || !json.Value.TryGetProperty("expires_in", out var value) || value.ValueKind != System.Text.Json.JsonValueKind.Number || value.GetDouble() <= 0)
        {
            Fail("The token response has no positive numeric expires_in, so the app cannot know when the token stops working.", exchange, requirement);
            return;
        }
        var seconds = value.GetDouble();
        if (max is not null && seconds > max)
            Fail($"expires_in is {seconds} s, above the profile's maximum of {max} s.", exchange, requirement);
        else if (seconds > OneHour)
            Assert.Warn($"expires_in is {seconds} s; SMART App Launch 2.2 advises access tokens live no longer than one hour ({OneHour} s).");
    }
}
