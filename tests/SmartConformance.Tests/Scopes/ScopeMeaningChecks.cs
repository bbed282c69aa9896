using System.Text.RegularExpressions;
using Hl7.Fhir.Model;
using NUnit.Framework;
using SmartConformance.Harness.Fhir;
using SmartConformance.Harness.Launch;
using SmartConformance.Harness.Profiles;
using SmartConformance.Harness.Smart;
using SmartConformance.Tests.FhirAccess;
using SmartConformance.Tests.Framework;
using SmartConformance.Tests.Introspection;
using SmartConformance.Tests.PatientRestriction;

namespace SmartConformance.Tests.Scopes;

/// <summary>Scope forms the server must understand at the FHIR API: SMART v1 syntax, user-level scopes, wildcards.</summary>
[CheckGroup("Scopes")]
public sealed class ScopeMeaningChecks : ConformanceFixture
{
    [Test]
    [Check("SCOPE-02", "With permission-v1, SMART v1 scopes (patient/X.read) are granted, returned in v1 form (SHOULD) and read and search like .rs",
        "SMART App Launch 2.2 Scopes for requesting FHIR resources (SMART 1.0 compatibility)", Spec.ResourceScopes)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@126"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@127"),
     Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@128"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@369")]
    public async System.Threading.Tasks.Task V1Scopes_AreHonoured()
    {
        if (!await Advertised("permission-v1")) { Skip("The discovery document does not advertise permission-v1."); return; }
        var standalone = Session.Profile.Launches.StandalonePatient;
        var v1Scope = V2ReadScope().Replace(standalone.Scope, m => $"{m.Groups[1].Value}.read");
        var v1 = v1Scope.Split(' ').Where(s => s.EndsWith(".read", StringComparison.Ordinal)).ToList();
        if (v1.Count == 0) { Skip($"The standalone launch's scope \"{standalone.Scope}\" has no patient/X.rs scope to ask in v1 form."); return; }

        var launch = RequireLaunch(await Session.Shared("v1-scope-launch", session =>
                StandaloneLaunch.RunAsync(session, "v1-scopes", standalone with { Scope = v1Scope }, CancellationToken.None)),
            "AUTHZ-01", l => l.AccessToken is not null);
        if (PatientLaunch.PatientOf(launch) is not { } patient) { Skip("The v1 launch's token response names no patient; TOK-01 reports it for the standalone launch."); return; }
        var granted = launch.Token!.Response.Scope ?? "";
        var grantedScopes = new ClinicalScopes(granted);
        var types = v1.Select(s => s[(s.IndexOf('/') + 1)..s.LastIndexOf('.')]).Where(t => t != "*").Distinct().ToList();
        var requirement = "a server advertising permission-v1 accepts SMART v1 scopes and honours them with their v2 meaning (.read = .rs: read and search)";
        if (types.FirstOrDefault(t => !grantedScopes.Reads(t)) is { } dropped)
        {
            Fail($"The launch asked \"{v1Scope}\" but the granted scope \"{granted}\" does not read {dropped}.", launch.Token.Exchange, requirement);
            return;
        }
        foreach (var type in types)
        {
            var relative = ProbeRequests.For(type, patient);
            var read = await FhirRead.GetAsync(Session.Http, Session.FhirBaseUrl, relative, await FreshTokenAsync(launch), "v1-scope-read", CancellationToken.None);
            Uses(read.Exchange);
            if (!read.IsSuccess || read.Resource is null)
            {
                Fail($"GET {relative} with the token granted \"{granted}\" answered {read}.", read.Exchange, requirement);
                return;
            }
        }

        var grantedSet = ScopeSet.Parse(granted);
        if (v1.FirstOrDefault(s => !grantedSet.Contains(s)) is { } rewritten)
            Assert.Warn($"The launch asked the v1 scope {rewritten}, but the granted scope \"{granted}\" does not return it in v1 form; " +
                        $"v1 scopes that were requested and granted SHOULD be returned as v1 scopes. See {Spec.ResourceScopes}");
    }

    [Test]
    [Check("SCOPE-10", "With permission-user, a user-level scope (user/Patient.rs) reads every patient the profile says the user can see",
        "SMART App Launch 2.2 User-level scopes", Spec.Smart + "scopes-and-launch-context.html#user-level-scopes")]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@140"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@368")]
    public async System.Threading.Tasks.Task UserScopes_ReachThePatientsTheUserSees()
    {
        if (!await Advertised("permission-user")) { Skip("The discovery document does not advertise permission-user."); return; }
        if (Session.Profile.UserScopes is not { } user) { Skip("The profile has no userScopes launch."); return; }
        var launch = RequireLaunch(await Session.Shared("user-scope-launch", session =>
                AuthorizationCodeFlow.LaunchAsync(session, "user-scopes", new LaunchProfile(user.Client, user.User, user.Scope))),
            "AUTHZ-01", l => l.AccessToken is not null);
        var granted = launch.Token!.Response.Scope ?? "";
        var requirement = $"user-level scopes give access to the data the user can see: a token granted \"{granted}\" reads each of the user's patients ({string.Join(", ", user.Patients)})";
        if (!granted.Split(' ').Any(s => s.StartsWith("user/", StringComparison.Ordinal)) || !new ClinicalScopes(granted).Reads("Patient"))
        {
            Fail($"The launch asked \"{user.Scope}\" but the granted scope \"{granted}\" has no user-level scope reading Patient.", launch.Token.Exchange, requirement);
            return;
        }
        foreach (var patient in user.Patients)
        {
            var relative = $"Patient/{Uri.EscapeDataString(patient)}";
            var read = await FhirRead.GetAsync(Session.Http, Session.FhirBaseUrl, relative, await FreshTokenAsync(launch), "user-scope-read", CancellationToken.None);
            Uses(read.Exchange);
            if (read.Status != 200 || read.Resource is not Patient)
            {
                Fail($"GET {relative} with the user-level token answered {read}.", read.Exchange, requirement);
                return;
            }
        }
    }

    [Test]
    [Check("SCOPE-11", "A wildcard scope (patient/*.rs) covers every resource type the profile lists",
        "SMART App Launch 2.2 Wildcard scopes", Spec.Smart + "scopes-and-launch-context.html#wildcard-scopes")]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@144")]
    public async System.Threading.Tasks.Task WildcardScope_CoversEveryType()
    {
        if (Session.Profile.Launches.Confidential is not { } confidential || !confidential.Scope.Split(' ').Any(IsWildcardRead))
        {
            Skip("The profile's confidential launch asks no wildcard read scope (patient/*.rs or patient/*.read).");
            return;
        }
        var launch = RequireLaunch(await TokenEvidence.ConfidentialLaunchAsync(Session), "AUTHZ-01", l => l.AccessToken is not null);
        if (PatientLaunch.PatientOf(launch) is not { } patient) { Skip("The confidential launch's token response names no patient; TOK-01 reports it for the standalone launch."); return; }
        var granted = launch.Token!.Response.Scope ?? "";
        if (!granted.Split(' ').Any(IsWildcardRead)) { Skip($"The granted scope \"{granted}\" has no wildcard read scope (the server narrowed it)."); return; }
        var requirement = $"a wildcard scope covers every resource type: the token granted \"{granted}\" reads and searches each type in the patient's compartment";
        foreach (var (type, relative) in ProbeRequests.For(Session.Profile, patient))
        {
            var read = await FhirRead.GetAsync(Session.Http, Session.FhirBaseUrl, relative, await FreshTokenAsync(launch), "wildcard-read", CancellationToken.None);
            Uses(read.Exchange);
            if (!read.IsSuccess || read.Resource is null)
            {
                Fail($"GET {relative} ({type}) with the wildcard token answered {read}.", read.Exchange, requirement);
                return;
            }
        }
    }

    private static bool IsWildcardRead(string scope) => scope is "patient/*.rs" or "patient/*.read" or "patient/*.r" or "patient/*.s" or "patient/*.cruds" or "patient/*.*";

    private static async System.Threading.Tasks.Task<bool> Advertised(string capability) =>
        (await Session.DiscoveryAsync()).Configuration?.Capabilities.Contains(capability) == true;

    private static Regex V2ReadScope() => new(@"(?<=^|\s)((?:patient|user)/[A-Za-z*]+)\.rs(?=\s|$)");
}
