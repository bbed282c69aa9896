using Duende.IdentityModel;
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

    /// <summary>The name of the made-up parameter AUTHZ-08 adds to an authorization request.</summary>
    public const string ExtraParameter = "smart_conformance_extension";

    /// <summary>
    /// The standalone launch with an unknown extra parameter and its scopes in reverse order, through the code exchange:
    /// one launch for both aspects of RFC 6749 §3.1 and §3.3 (asked without a browser first, so a refusal before login shows).
    /// </summary>
    public static Task<LaunchOutcome> ExtraParameterLaunch() => Shared("authz-extra-parameter", async session =>
    {
        var attempt = await AuthorizationCodeFlow.RequestCodeAsync(session, "authz-extra-parameter", Standalone, preflight: true, shape: r => r with
        {
            Scope = Reordered(r.Scope),
            Overrides = new Dictionary<string, string?> { [ExtraParameter] = "ignore-me" },
        });
        if (attempt.Refused)
            return attempt.ToLaunch(problem: attempt.ErrorPageStatus is { } status ? $"the server answered with a page of its own, status {status}" : null);
        return await AuthorizationCodeFlow.ExchangeAsync(session, attempt, session.Profile.Client(Standalone.Client));
    });

    /// <summary>The scopes in reverse order (a different order whenever there are two or more).</summary>
    public static string Reordered(string scope) => string.Join(' ', scope.Split(' ', StringSplitOptions.RemoveEmptyEntries).Reverse());

    public static Task<CodeAttempt> WrongAud() => Refusal("authz-aud-foreign");

    public static Task<CodeAttempt> MissingAud() => Refusal("authz-aud-missing");

    public static Task<CodeAttempt> TokenResponseType() => Refusal("authz-response-type-token");

    public static Task<CodeAttempt> MissingResponseType() => Refusal("authz-response-type-missing");

    public static Task<CodeAttempt> UnknownClient() => Refusal("authz-unknown-client");

    /// <summary>The redirect URIs AUTHZ-04 sends instead of the registered one, each with what it is.</summary>
    public static IReadOnlyList<(string Name, string What)> StrayRedirects { get; } =
    [
        ("authz-redirect-unregistered", "an unregistered redirect_uri"),
        ("authz-redirect-extra-path", "the registered redirect_uri with an added path segment"),
        ("authz-redirect-extra-query", "the registered redirect_uri with an added query"),
    ];

    /// <summary>
    /// A request the server should refuse, asked without a browser first. The first one asked starts them all side by
    /// side: against a server that needs the browser to refuse, the launches overlap instead of adding up.
    /// </summary>
    public static Task<CodeAttempt> Refusal(string name)
    {
        foreach (var each in Shapes.Keys) Start(each);
        return Start(name);
    }

    private static Task<CodeAttempt> Start(string name) => Shared(name, session =>
        AuthorizationCodeFlow.RequestCodeAsync(session, name, Standalone, preflight: true, shape: Shapes[name](session)));

    private static readonly Dictionary<string, Func<SuiteSession, Func<AuthorizeRequest, AuthorizeRequest>>> Shapes = new()
    {
        ["authz-aud-foreign"] = _ => r => r with { Aud = ForeignAud },
        ["authz-aud-missing"] = _ => r => r with { Overrides = new Dictionary<string, string?> { ["aud"] = null } },
        ["authz-response-type-token"] = _ => r => r with { ResponseType = "token" },
        ["authz-response-type-missing"] = _ => r => r with { Overrides = new Dictionary<string, string?> { ["response_type"] = null } },
        ["authz-unknown-client"] = _ => r => r with { ClientId = "smart-conformance-unknown-" + CryptoRandom.CreateUniqueId(8) },
        // Paths of the suite's own listener, so a server that redirects there anyway is seen doing it.
        ["authz-redirect-unregistered"] = s => r => r with { RedirectUri = new Uri(s.Redirects.CallbackUri, "/smart-conformance-unregistered").ToString() },
        ["authz-redirect-extra-path"] = s => r => r with { RedirectUri = s.Redirects.CallbackUri.ToString().TrimEnd('/') + "/smart-conformance-extra" },
        ["authz-redirect-extra-query"] = s => r => r with
        {
            RedirectUri = s.Redirects.CallbackUri + (s.Redirects.CallbackUri.Query.Length > 0 ? "&" : "?") + "smart_conformance=extra",
        },
    };

    private static Task<T> Shared<T>(string key, Func<SuiteSession, Task<T>> start) =>
        Session.Shared(key, session => Detached(() => start(session)));

    // Evidence used by several checks belongs to none; each check attaches what it uses.
    private static Task<T> Detached<T>(Func<Task<T>> start) => Session.StartDetached(start);
}
