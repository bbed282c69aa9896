namespace SmartConformance.ReferenceServer.Fhir;

/// <summary>Switches of the FHIR resource server that faults may turn. The defaults are the conformant behaviour.</summary>
internal sealed class FhirAccessPolicy
{
    /// <summary>The second protected base accepts only tokens whose aud names it (false: also those for the first base).</summary>
    public bool SecondBaseChecksAudience { get; set; } = true;

    /// <summary>Data endpoints answer 401 without a valid bearer token.</summary>
    public bool RequireAccessToken { get; set; } = true;

    /// <summary>Resource types the protected base serves without a token (a partly protected server).</summary>
    public ISet<string> TypesServedWithoutToken { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>A patient-level token only reaches its own patient's compartment.</summary>
    public bool EnforcePatientCompartment { get; set; } = true;

    /// <summary>A search without a patient parameter is still limited to the token's patient compartment.</summary>
    public bool FilterSearchesWithoutPatient { get; set; } = true;

    /// <summary>A scope only reaches the resource types it names.</summary>
    public bool EnforceScopeResourceTypes { get; set; } = true;

    /// <summary>A system-level scope (backend services) only reaches the resource types it names.</summary>
    public bool EnforceSystemScopeResourceTypes { get; set; } = true;

    /// <summary>A granular scope (<c>?category=</c>) only reaches resources in that category.</summary>
    public bool EnforceGranularScopes { get; set; } = true;

    /// <summary>SMART v1 scopes (<c>.read</c>, <c>.write</c>, <c>.*</c>) are honoured with their v2 meaning.</summary>
    public bool HonourV1Scopes { get; set; } = true;

    /// <summary>A wildcard scope (<c>patient/*.rs</c>) covers every resource type (false: only Patient and Observation).</summary>
    public bool WildcardCoversEveryType { get; set; } = true;

    /// <summary>User-level scopes reach every patient the user may see (false: only the user's own compartment).</summary>
    public bool UserScopesReachOtherPatients { get; set; } = true;

    /// <summary>Creates and updates need a scope with <c>c</c> or <c>u</c> (v1 <c>write</c>).</summary>
    public bool EnforceWriteScopes { get; set; } = true;

    /// <summary>FHIR errors carry an OperationOutcome body (false: a plain JSON error object).</summary>
    public bool OperationOutcomeErrors { get; set; } = true;

    /// <summary>The protected base's <c>/metadata</c> is served without a token.</summary>
    public bool MetadataServedWithoutToken { get; set; } = true;

    /// <summary>A patient-level token reads its own patient's Patient resource (false: 403, the rest of the compartment stays readable).</summary>
    public bool LaunchPatientReadable { get; set; } = true;

    /// <summary>The open base (no authorization) serves data without a token.</summary>
    public bool OpenBaseServesWithoutToken { get; set; } = true;

    /// <summary>The open base's CapabilityStatement declares no SMART security (it has none).</summary>
    public bool OpenBaseDeclaresNoSmartSecurity { get; set; } = true;

    /// <summary>The open base ignores an Authorization header it has no use for (false: it fails with 500).</summary>
    public bool OpenBaseIgnoresTokens { get; set; } = true;

    /// <summary>Each entry of a batch is authorized on its own (false: a valid token for the batch reaches every entry).</summary>
    public bool AuthorizeBatchEntries { get; set; } = true;

    /// <summary>An update scope (<c>u</c>) alone allows create-by-update (false: a PUT that creates also needs <c>c</c>).</summary>
    public bool UpdateScopeCreates { get; set; } = true;
}
