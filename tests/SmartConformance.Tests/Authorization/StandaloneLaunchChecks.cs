using NUnit.Framework;
using SmartConformance.Tests.Framework;

namespace SmartConformance.Tests.Authorization;

[CheckGroup("Authorization")]
public sealed class StandaloneLaunchChecks : ConformanceFixture
{
    [Test]
    [Check("AUTHZ-01", "A standalone patient launch in the browser returns a code and the same state to the redirect URI",
        "SMART App Launch 2.2 App Launch: authorization response", Spec.AuthorizationResponse)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@48"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@53"),
     Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@56"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@57"),
     Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@59"), Requirement("RFC6749@4.1.2"),
     Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@353")]
    public async Task StandaloneLaunch_ReturnsCodeAndExactState()
    {
        var launch = RequireLaunch(await Session.StandalonePatientLaunchAsync(), "DISC-02", l => l.Redirect is not null);
        var redirect = launch.Redirect!;
        var sent = launch.Request!.State;
        var requirement = "after the user approves, the browser is sent to the registered redirect_uri with a code and exactly the state the app sent";
        var evidence = launch.BrowserTraffic.LastOrDefault();
        if (redirect.Error is not null)
            Fail($"The authorization server answered the approved request with error={redirect.Error}" +
                 $"{(redirect.ErrorDescription is null ? "" : $" ({redirect.ErrorDescription})")} at {redirect.Url}.", evidence, requirement);
        if (string.IsNullOrEmpty(redirect.Code))
            Fail($"The redirect {redirect.Url} carries no code.", evidence, requirement);
        if (redirect.State != sent)
            Fail($"The redirect carries state \"{redirect.State ?? "(none)"}\" but the request sent \"{sent}\".", evidence, requirement);
    }
}
