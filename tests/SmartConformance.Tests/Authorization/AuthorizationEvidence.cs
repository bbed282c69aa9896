using SmartConformance.Harness.Launch;
using SmartConformance.Harness.Profiles;
using SmartConformance.Harness.Session;
using SmartConformance.Harness.Smart;

namespace SmartConformance.Tests.Authorization;

/// <summary>
/// The authorization requests the authorization endpoint checks make, each sent once through <see cref="SuiteSession.Shared{T}"/>
/// (ERR-03 reads the error redirects the others provoke). Requests the server should refuse before any login are asked
/// without a browser first; only those that reach a login page open one.
/// </summary>
internal static class AuthorizationEvidence
{
    private static SuiteSession Session => SuiteSession.Current;

    public static LaunchProfile Standalone => Session.Profile.Launches.StandalonePatient;

    /// <summary>A FHIR base URL no server answers for (RFC 2606 reserves .invalid).</summary>
    public const string ForeignAud = "https://smart-conformance.invalid/fhir";

    /// <summary>The user refuses on the consent page (the profile's deny steps).</summary>
    public static Task<CodeAttempt> Denied() => Shared("authz-denied", session =>
        AuthorizationCodeFlow.RequestCodeAsync(session, "authz-denied", Standalone, consent: session.Profile.BrowserSteps.Deny));

    public static Task<CodeAttempt> WrongAud() => Refusal("authz-aud-foreign", r => r with { Aud = ForeignAud });

    public static Task<CodeAttempt> MissingAud() => Refusal("authz-aud-missing", r => r with { Overrides = new Dictionary<string, string?> { ["aud"] = null } });

    public static Task<CodeAttempt> TokenResponseType() => Refusal("authz-response-type-token", r => r with { ResponseType = "token" });

    public static Task<CodeAttempt> MissingResponseType() => Refusal("authz-response-type-missing", r => r with { Overrides = new Dictionary<string, string?> { ["response_type"] = null } });

    /// <summary>A request the server should refuse, shaped by <paramref name="shape"/>: asked without a browser first.</summary>
    public static Task<CodeAttempt> Refusal(string name, Func<AuthorizeRequest, AuthorizeRequest> shape) => Shared(name, session =>
        AuthorizationCodeFlow.RequestCodeAsync(session, name, Standalone, preflight: true, shape: shape));

    private static Task<T> Shared<T>(string key, Func<SuiteSession, Task<T>> start) =>
        Session.Shared(key, session => Detached(() => start(session)));

    // Evidence used by several checks belongs to none; each check attaches what it uses.
    private static Task<T> Detached<T>(Func<Task<T>> start)
    {
        using (ExecutionContext.SuppressFlow())
        {
            return Task.Run(start);
        }
    }
}
