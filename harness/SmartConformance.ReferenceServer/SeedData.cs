namespace SmartConformance.ReferenceServer;

/// <summary>The clients, users and FHIR resources every reference server starts with.</summary>
public static class SeedData
{
    // Clients
    public const string PublicClientId = "smart-public-app";
    public const string ConfidentialClientId = "smart-confidential-app";
    public const string ConfidentialClientSecret = "smart-confidential-secret";
    /// <summary>A public client whose access tokens expire within seconds, so expiry can be observed in a run.</summary>
    public const string ShortLivedClientId = "smart-short-lived-app";
    /// <summary>
    /// A public client whose access tokens expire within seconds but which is registered for offline access, so a run
    /// can watch the suite refresh an expired launch token by itself (LaunchTokens in the harness). Not a fault.
    /// </summary>
    public const string ShortLivedOfflineClientId = "smart-short-lived-offline-app";
    /// <summary>
    /// A public client whose authorization codes expire within seconds (TOK-05 waits one out). Its own client, so no other
    /// launch has to redeem a code against that clock.
    /// </summary>
    public const string ShortCodeClientId = "smart-short-code-app";
    /// <summary>A backend services client (client_credentials, private_key_jwt with RS384 and ES384 keys).</summary>
    public const string BackendClientId = "smart-backend-service";
    /// <summary>A backend services client whose access tokens expire within seconds.</summary>
    public const string ShortLivedBackendClientId = "smart-backend-short-lived";

    // Users
    public const string AmyUsername = "amy";
    public const string AmyPassword = "amy-password";
    public const string BobUsername = "bob";
    public const string BobPassword = "bob-password";
    public const string DrSmithUsername = "drsmith";
    public const string DrSmithPassword = "drsmith-password";

    // FHIR resources (ids)
    public const string Patient1Id = "patient-1";                       // Amy Shaw
    public const string Patient2Id = "patient-2";                       // Bob Jones
    public const string PractitionerId = "practitioner-1";             // Dr. John Smith
    public const string Patient1LabObservationId = "patient-1-lab-hba1c";
    public const string Patient1VitalSignsObservationId = "patient-1-vitals-heart-rate";
    public const string Patient1EncounterId = "patient-1-encounter";
    public const string Patient1ConditionId = "patient-1-condition";
    public const string Patient2LabObservationId = "patient-2-lab-glucose";
    public const string Patient2VitalSignsObservationId = "patient-2-vitals-body-weight";
    public const string Patient2EncounterId = "patient-2-encounter";
    public const string Patient2ConditionId = "patient-2-condition";

    /// <summary>fhirUser of each user, relative to the FHIR base URL (the tokens carry the absolute form).</summary>
    public const string AmyFhirUser = "Patient/" + Patient1Id;
    public const string BobFhirUser = "Patient/" + Patient2Id;
    public const string DrSmithFhirUser = "Practitioner/" + PractitionerId;

    /// <summary>Every scope the server registers and every seeded client may request (SMART v1 and v2 forms).</summary>
    public static IReadOnlyList<string> Scopes { get; } =
    [
        "openid", "fhirUser", "profile",
        "launch", "launch/patient", "launch/encounter",
        "online_access", "offline_access",
        "patient/*.read", "patient/*.rs",
        "patient/Patient.read", "patient/Patient.rs",
        "patient/Observation.read", "patient/Observation.rs",
        "user/*.read", "user/*.rs",
        GranularLabObservationScope, "patient/Observation.cruds",
        "patient/Observation.u",
    ];

    /// <summary>A SMART v2 granular scope: the patient's laboratory Observations only.</summary>
    public const string GranularLabObservationScope =
        "patient/Observation.rs?category=http://terminology.hl7.org/CodeSystem/observation-category|laboratory";
}
