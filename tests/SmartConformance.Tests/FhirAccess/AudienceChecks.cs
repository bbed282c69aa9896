using NUnit.Framework;
using SmartConformance.Harness.Fhir;
using SmartConformance.Harness.Launch;
using SmartConformance.Tests.Framework;
using SmartConformance.Tests.PatientRestriction;
using SmartConformance.Tests.Token;

namespace SmartConformance.Tests.FhirAccess;

/// <summary>A deployment with several FHIR bases: each accepts only the tokens whose aud names it.</summary>
[CheckGroup("FHIR access")]
public sealed class AudienceChecks : ConformanceFixture
{
    [Test]
    [Check("RS-09", "A token issued for one FHIR base (aud) is refused at another FHIR base of the same deployment, which accepts its own",
        "SMART App Launch 2.2 App Launch: access FHIR API", Spec.AccessFhir)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@96")]
    public async Task TokenForAnotherBase_IsRefused()
    {
        if (Session.SecondFhirBaseUrl is not { } second)
        {
            Skip("The profile names no second FHIR base of the same authorization server (secondFhirBaseUrl), so there is no other base to present the token to.");
            return;
        }
        var first = RequireLaunch(await Session.StandalonePatientLaunchAsync(), "TOK-01", l => l.AccessToken is not null);
        if (PatientLaunch.PatientOf(first) is not { } patient) { Skip("The token response names no patient; TOK-01 reports it."); return; }
        var relative = ProbeRequests.For("Patient", patient);

        // The control: a token asked for the second base reads there, so a refusal of the first base's token means its aud.
        var own = await Session.Shared("second-base-launch", async session =>
            await AuthorizationCodeFlow.ExchangeAsync(session,
                await AuthorizationCodeFlow.RequestCodeAsync(session, "second-base-launch", OAuthEvidence.Standalone,
                    shape: r => r with { Aud = second.ToString().TrimEnd('/') }),
                session.Profile.Client(OAuthEvidence.Standalone.Client)));
        RequireLaunch(own, "RS-09 (a launch with aud set to secondFhirBaseUrl)", l => l.AccessToken is not null);
        var ownRead = await FhirRead.GetAsync(Session.Http, second, relative, await FreshTokenAsync(own), "fhir-read-second-base-own-token", CancellationToken.None);
        Uses(ownRead.Exchange);
        if (ownRead.Status is not (>= 200 and < 300))
        {
            Skip($"The second base {second} answered {ownRead.Status?.ToString() ?? "nothing"} to {relative} with a token issued for it (aud={second}), " +
                 "so a refusal of another base's token there would prove nothing; check secondFhirBaseUrl.");
            return;
        }

        const string requirement = "a FHIR server accepts an access token only when the aud of its authorization names this FHIR base; " +
                                   "a token issued for another base of the same deployment is refused (401 or 403)";
        var foreign = await FhirRead.GetAsync(Session.Http, second, relative, await FreshTokenAsync(first), "fhir-read-second-base-foreign-token", CancellationToken.None);
        if (foreign.Status is not (401 or 403))
            Fail($"The second base {second} answered {foreign.Status?.ToString() ?? "nothing"} to {relative} with the access token issued for aud={first.Request?.Aud}" +
                 $"{(foreign.Status is >= 200 and < 300 ? ": it accepted a token meant for another FHIR base" : "")} (the same read with its own token answered {ownRead.Status}).",
                foreign.Exchange, requirement);
    }
}
