using Microsoft.Extensions.DependencyInjection;
using SmartConformance.ReferenceServer.Discovery;
using SmartConformance.ReferenceServer.Fhir;
using SmartConformance.ReferenceServer.OAuth;

namespace SmartConformance.ReferenceServer.Faults;

/// <summary>The seams a fault may use. Prefer OpenIddict event handlers for OAuth behaviour.</summary>
internal sealed class FaultContext(
    OpenIddictServerBuilder server,
    OpenIddictValidationBuilder validation,
    SmartConfigurationMutations discovery,
    FhirAccessPolicy fhir,
    IServiceCollection services,
    CapabilityStatementMutations capabilityStatement)
{
    /// <summary>The authorization server: <c>AddEventHandler</c>, <c>RemoveEventHandler</c>, <c>Configure</c>.</summary>
    public OpenIddictServerBuilder Server { get; } = server;

    /// <summary>The token validation used by the FHIR endpoints.</summary>
    public OpenIddictValidationBuilder Validation { get; } = validation;

    /// <summary>The FHIR resource server's switches.</summary>
    public FhirAccessPolicy Fhir { get; } = fhir;

    /// <summary>The authorization server's switches (scope refusal, offline access).</summary>
    public OAuthPolicy OAuth { get; init; } = new();

    /// <summary>The dynamic client registration endpoint's switches.</summary>
    public ReferenceServer.Registration.RegistrationPolicy Registration { get; init; } = new();

    /// <summary>Online access's switches (refresh tokens for online_access, their end at logout).</summary>
    public ReferenceServer.Sessions.SessionPolicy Sessions { get; init; } = new();

    /// <summary>Client assertion validation and the client_credentials grant's switches.</summary>
    public ReferenceServer.Backend.BackendPolicy Backend { get; init; } = new();

    /// <summary>How the host listens (HTTPS or plain HTTP).</summary>
    public ReferenceServer.Hosting.TransportPolicy Transport { get; init; } = new();

    /// <summary>Last resort, e.g. to decorate a service; registrations made here win over the defaults.</summary>
    public IServiceCollection Services { get; } = services;

    /// <summary>Rewrites <c>.well-known/smart-configuration</c> after the conformant document is built.</summary>
    public void RewriteDiscovery(Action<SmartConfiguration> rewrite) => discovery.Add(rewrite);

    /// <summary>Rewrites the protected base's <c>/metadata</c> CapabilityStatement after the conformant one is built.</summary>
    public void RewriteCapabilityStatement(Action<Hl7.Fhir.Model.CapabilityStatement> rewrite) => capabilityStatement.Add(rewrite);
}
