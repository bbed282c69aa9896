using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Server;

namespace SmartConformance.ReferenceServer.Backend;

/// <summary>
/// SMART Backend Services and asymmetric client authentication: the client_credentials grant, the system scopes, and
/// private_key_jwt validated the SMART way (<see cref="ValidateSmartClientAssertion"/>).
/// </summary>
internal static class BackendRegistration
{
    /// <summary>System scopes the server knows; each backend client is pre-authorized for some of them only.</summary>
    public static IReadOnlyList<string> SystemScopes { get; } =
        ["system/*.rs", "system/Patient.rs", "system/Observation.rs", "system/Condition.rs", "system/Encounter.rs"];

    public static IServiceCollection AddBackendServices(this IServiceCollection services, OpenIddictServerBuilder server)
    {
        server.AllowClientCredentialsFlow()
            .RegisterScopes([.. SystemScopes])
            .AddEventHandler(ValidateSmartClientAssertion.Descriptor)
            .AddEventHandler(NarrowBackendScopes.Descriptor)
            .AddEventHandler(IssueBackendToken.Descriptor);
        foreach (var replaced in ValidateSmartClientAssertion.Replaced)
        {
            server.RemoveEventHandler(replaced);
        }
        services.AddSingleton<AssertionReplayCache>();
        return services;
    }
}
