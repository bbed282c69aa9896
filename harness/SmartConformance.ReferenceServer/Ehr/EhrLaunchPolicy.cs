using Microsoft.Extensions.DependencyInjection;

namespace SmartConformance.ReferenceServer.Ehr;

/// <summary>Switches for the EHR launch faults; every default is conformant.</summary>
internal sealed class EhrLaunchPolicy
{
    /// <summary>The launch is checked and redeemed, but the context comes from <see cref="EhrLaunchContext.Default"/>.</summary>
    public bool IgnoreLaunchContext { get; set; }

    /// <summary>Unknown, forged or missing launch values are accepted and resolve to <see cref="EhrLaunchContext.Default"/>.</summary>
    public bool AcceptUnknownLaunch { get; set; }

    /// <summary>The EHR sends the OAuth server's root URL as <c>iss</c> instead of the FHIR base URL.</summary>
    public bool SendServerRootAsIss { get; set; }

    /// <summary>The instance registered by <see cref="EhrRegistration.AddEhrLaunch"/>, for faults to switch.</summary>
    public static EhrLaunchPolicy In(IServiceCollection services) =>
        services.Select(s => s.ImplementationInstance).OfType<EhrLaunchPolicy>().Single();
}
