using OpenIddict.Server;

namespace SmartConformance.ReferenceServer.Faults.Backend;

/// <summary>A backend client gets every registered system scope it asks for, pre-authorized or not.</summary>
internal sealed class ScopeBeyondPreAuthorization : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "backend.scope-beyond-preauthorization",
        "Backend clients are granted scopes beyond their pre-authorization",
        "SMART App Launch 2.2 backend-services.html#scopes and #evaluate-requested-access",
        ["BSV-04"]);

    public void Apply(FaultContext context)
    {
        context.Backend.NarrowToPreAuthorization = false;
        context.Server.RemoveEventHandler(OpenIddictServerHandlers.Exchange.ValidateScopePermissions.Descriptor);
    }
}
