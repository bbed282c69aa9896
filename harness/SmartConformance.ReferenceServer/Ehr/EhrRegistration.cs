using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SmartConformance.ReferenceServer.Ehr;

/// <summary>Adds the simulated EHR: its launch store, the fault switches, and the OpenIddict handlers that honour launches.</summary>
internal static class EhrRegistration
{
    public static IServiceCollection AddEhrLaunch(this IServiceCollection services, OpenIddictServerBuilder server)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<EhrLaunchStore>();
        services.AddSingleton(new EhrLaunchPolicy());
        server.AddEventHandler(ValidateLaunchParameter.Descriptor)
            .AddEventHandler(AttachEhrLaunchClaims.Descriptor);
        return services;
    }
}
