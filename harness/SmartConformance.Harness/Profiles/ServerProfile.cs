namespace SmartConformance.Harness.Profiles;

/// <summary>A server under test, as described by a profile file (see profiles/profile.schema.json).</summary>
public sealed record ServerProfile
{
    public const string EmbeddedTarget = "embedded";

    public required string Name { get; init; }
    public required string FhirBaseUrl { get; init; }
    public EmbeddedServerProfile? Embedded { get; init; }
    public string RedirectUri { get; init; } = "http://127.0.0.1:0/callback";
    public required IReadOnlyList<ClientProfile> Clients { get; init; }
    public required IReadOnlyList<UserProfile> Users { get; init; }
    public required LaunchesProfile Launches { get; init; }
    public required BrowserStepsProfile BrowserSteps { get; init; }
    public BrowserProfile Browser { get; init; } = new();
    public TimeoutsProfile Timeouts { get; init; } = new();
    public TlsProfile Tls { get; init; } = new();
    public LoadProfile Load { get; init; } = new();
    /// <summary>A FHIR base serving data without authorization, "embedded" for the reference server's, or null when there is none.</summary>
    public string? OpenFhirBaseUrl { get; init; }
    /// <summary>Another protected FHIR base of the same authorization server (RS-09), or "embedded"; null when there is one base.</summary>
    public string? SecondFhirBaseUrl { get; init; }
    public FhirAccessProfile FhirAccess { get; init; } = new();
    public PoliciesProfile Policies { get; init; } = new();
    /// <summary>How the suite ends a user's sign-in session (online access checks); null when it cannot.</summary>
    public SessionsProfile? Sessions { get; init; }
    /// <summary>A launch with user-level scopes and the patients its user can see; null when the server has none.</summary>
    public UserScopesProfile? UserScopes { get; init; }
    /// <summary>A backend services client (client_credentials + private_key_jwt), or null when the server has none to test.</summary>
    public BackendServicesProfile? BackendServices { get; init; }
    /// <summary>Other ways to authorize token introspection (a SMART bearer token); null when only client authentication is tested.</summary>
    public IntrospectionProfile? Introspection { get; init; }
    /// <summary>How the user leaves a scope out on the consent page (SCOPE-04); null when the page offers no such choice.</summary>
    public ConsentDeselectionProfile? ConsentDeselection { get; init; }
    /// <summary>How the user narrows a scope to a granular one on the consent page (SCOPE-03); null when the page offers no such choice.</summary>
    public ConsentNarrowingProfile? ConsentNarrowing { get; init; }
    /// <summary>A launch whose scope updates Observation without creating it (RS-14); null to leave create-by-update untested.</summary>
    public UpsertProfile? Upsert { get; init; }

    /// <summary>Where the profile was read from (for the report); not part of the file.</summary>
    public string SourcePath { get; init; } = "";
    /// <summary>Values in the profile that must never reach a report: secrets, passwords, substituted env values.</summary>
    public IReadOnlyCollection<string> Secrets { get; init; } = [];

    public bool TargetsEmbeddedServer => FhirBaseUrl.Equals(EmbeddedTarget, StringComparison.OrdinalIgnoreCase);

    public ClientProfile Client(string name) => Clients.First(c => c.Name == name);
    public UserProfile User(string name) => Users.First(u => u.Name == name);
}

/// <summary>The standalone launch repeated with consent steps that untick <see cref="Scope"/> before approving.</summary>
public sealed record ConsentDeselectionProfile(string Scope, IReadOnlyList<BrowserStep> Steps);

/// <summary>The standalone launch repeated with consent steps that narrow <see cref="Scope"/> to <see cref="NarrowedScope"/> before approving.</summary>
public sealed record ConsentNarrowingProfile(string Scope, string NarrowedScope, IReadOnlyList<BrowserStep> Steps);

/// <summary>The standalone launch repeated with <see cref="Scope"/>, which grants <c>u</c> but not <c>c</c> on Observation.</summary>
public sealed record UpsertProfile(string Scope);

public sealed record EmbeddedServerProfile
{
    public IReadOnlyList<string> Faults { get; init; } = [];
    public int? AccessTokenLifetimeSeconds { get; init; }
    /// <summary>Serve HTTPS with a self-signed certificate made for the run, which the suite and the browser trust (and no other).</summary>
    public bool Https { get; init; }
}

public sealed record ClientProfile
{
    public required string Name { get; init; }
    public required string ClientId { get; init; }
    public string? ClientSecret { get; init; }
    /// <summary>"none", "client_secret_basic" or "client_secret_post".</summary>
    public required string Authentication { get; init; }
    public bool IsPublic => Authentication == "none";
    /// <summary>Whether the server registered this client for offline access (refresh tokens); null when unknown.</summary>
    public bool? OfflineAccess { get; init; }
}

public sealed record UserProfile
{
    public required string Name { get; init; }
    public required string Username { get; init; }
    public required string Password { get; init; }
    public string? Patient { get; init; }
}

public sealed record LaunchesProfile
{
    public required LaunchProfile StandalonePatient { get; init; }
    /// <summary>An EHR launch; the EHR launch checks skip when it is absent.</summary>
    public EhrLaunchProfile? Ehr { get; init; }
    /// <summary>A standalone launch with a confidential client, whose tokens introspection and revocation checks use; they skip without it.</summary>
    public LaunchProfile? Confidential { get; init; }
}

public sealed record LaunchProfile(string Client, string User, string Scope);

/// <summary>How to start an EHR launch and what context the EHR launches with (see profile.schema.json).</summary>
public sealed record EhrLaunchProfile
{
    public required string Client { get; init; }
    public required string User { get; init; }
    public required string Scope { get; init; }
    /// <summary>The page that starts the launch, with {origin}, {fhirBaseUrl}, {launchUrl}, {clientId}, {patient}, {encounter}.</summary>
    public required string Start { get; init; }
    /// <summary>Browser steps on the EHR's pages up to the app's launch; login and approve steps follow.</summary>
    public IReadOnlyList<BrowserStep> Steps { get; init; } = [];
    public string? Patient { get; init; }
    public string? Encounter { get; init; }
    public IReadOnlyList<string> FhirContext { get; init; } = [];
    public bool? NeedPatientBanner { get; init; }
}

public sealed record BrowserStepsProfile
{
    public required IReadOnlyList<BrowserStep> Login { get; init; }
    public required IReadOnlyList<BrowserStep> Approve { get; init; }
    public IReadOnlyList<BrowserStep> Deny { get; init; } = [];
}

public sealed record BrowserStep
{
    public required string Action { get; init; }
    public string? Selector { get; init; }
    public string? Value { get; init; }
    public string? Url { get; init; }
    public bool Optional { get; init; }
    public string? Description { get; init; }

    public override string ToString() =>
        Description ?? $"{Action} {Selector ?? Url}".Trim();
}

public sealed record BrowserProfile
{
    public string? ExecutablePath { get; init; }
    public bool Headless { get; init; } = true;
    public IReadOnlyList<string> Args { get; init; } = [];
    /// <summary>
    /// Whether a launch may re-authorize in a browser context where its user signed in during an earlier launch (the
    /// server's session then usually skips the login page). False gives every launch a fresh context and a fresh login.
    /// </summary>
    public bool ReuseSignIn { get; init; } = true;
}

public sealed record TimeoutsProfile
{
    public double HttpSeconds { get; init; } = 30;
    public double BrowserStepSeconds { get; init; } = 15;
    public double LaunchSeconds { get; init; } = 60;
    public double RunSeconds { get; init; } = 1800;
}

public sealed record TlsProfile
{
    /// <summary>A PEM file of extra certificates to trust; made absolute by the loader.</summary>
    public string? CaBundle { get; init; }
    /// <summary>Why the TLS protocol check (AUTHZ-10) is not run against this server; null runs it. The report shows the reason.</summary>
    public string? SkipProtocolChecks { get; init; }
}

public sealed record LoadProfile
{
    public int MaxConcurrentRequests { get; init; } = 4;
    public int MaxRetries { get; init; } = 2;
    public double MaxRetryAfterSeconds { get; init; } = 10;
}

/// <summary>What the FHIR access checks read and which answers the server's policy allows.</summary>
public sealed record FhirAccessProfile
{
    /// <summary>Types probed without a token (Patient is read by id, the others searched by patient).</summary>
    public IReadOnlyList<string> ResourceTypes { get; init; } = ["Patient", "Observation"];
    /// <summary>A patient the standalone launch's user must not reach, with one of their Observations.</summary>
    public OtherPatientProfile? OtherPatient { get; init; }
    public GranularScopeProfile? Granular { get; init; }
    /// <summary>"ignored" (an invalid token on the open base is served like no token) or "refused" (401).</summary>
    public string OpenBaseInvalidToken { get; init; } = "ignored";
}

public sealed record OtherPatientProfile(string Id, string? Observation);

/// <summary>A second standalone launch with a SMART v2 granular scope, e.g. Observation limited to one category.</summary>
public sealed record GranularScopeProfile(string Scope, string ResourceType, string Category);
/// <summary>Behaviour the specification leaves to the server, declared so checks judge it against the server's own policy.</summary>
public sealed record PoliciesProfile
{
    /// <summary>"refuse" (invalid_scope), "narrow" (dropped from the grant) or "either".</summary>
    public string UnknownScope { get; init; } = "either";
    /// <summary>"rotate" (a new refresh token each time, the old one dead), "reuse" (the same one stays valid) or "either".</summary>
    public string RefreshTokenRotation { get; init; } = "either";
    /// <summary>The longest access token lifetime the server may announce; null for the specification's advice (one hour) only.</summary>
    public int? MaxAccessTokenLifetimeSeconds { get; init; }
    public AccessTokenExpiryPolicy AccessTokenExpiry { get; init; } = new();
    /// <summary>The server's authorization code lifetime; null when the profile does not say it (TOK-05 skips).</summary>
    public AuthorizationCodeExpiryPolicy? AuthorizationCodeExpiry { get; init; }
}

/// <summary>How long the server's authorization codes live, for which client, and the skew to allow before one must be refused.</summary>
public sealed record AuthorizationCodeExpiryPolicy
{
    /// <summary>RFC 6749 §4.1.2's recommended maximum: a longer declared lifetime is a warning, and the suite does not wait it out.</summary>
    public const double RecommendedMaximumSeconds = 600;

    public required double LifetimeSeconds { get; init; }
    /// <summary>A client name whose codes live <see cref="LifetimeSeconds"/>; null for the standalone launch's client.</summary>
    public string? Client { get; init; }
    public double SkewSeconds { get; init; } = 2;
}

/// <summary>How the suite observes an access token expiring: which client's launch, how long it may wait, how much skew to allow.</summary>
public sealed record AccessTokenExpiryPolicy
{
    /// <summary>A client name whose access tokens live briefly; null for the standalone launch's client.</summary>
    public string? Client { get; init; }
    /// <summary>The longest expires_in the suite waits out; 0 skips the check.</summary>
    public double MaxWaitSeconds { get; init; } = 15;
    /// <summary>Seconds after expires_in before the token must be refused (clock skew the resource server allows).</summary>
    public double SkewSeconds { get; init; } = 5;
}

/// <summary>The server's sign-in session: where the browser logs out, and which client asks for online_access.</summary>
public sealed record SessionsProfile
{
    /// <summary>A page that ends the browser's session, with {origin} and {fhirBaseUrl}; null when the suite cannot log out.</summary>
    public string? LogoutUrl { get; init; }
    /// <summary>The client of the online_access launch (one allowed refresh tokens); null for the standalone launch's client.</summary>
    public string? Client { get; init; }
}

/// <summary>A standalone launch with user-level scopes (e.g. a clinician with user/*.rs) and patients that user can see.</summary>
public sealed record UserScopesProfile
{
    public required string Client { get; init; }
    public required string User { get; init; }
    public required string Scope { get; init; }
    public IReadOnlyList<string> Patients { get; init; } = [];
}
