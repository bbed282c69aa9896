namespace SmartConformance.ReferenceServer.Faults.Authorize;

/// <summary>Every client is registered for offline access, so any client asking offline_access gets a refresh token.</summary>
internal sealed class OfflineAccessForAnyClient : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "offline.any-client",
        "offline_access (a refresh token) is granted to clients not registered for it",
        "SMART App Launch 2.2 app-launch.html#refresh-access-token",
        ["TOK-13"]);

    public void Apply(FaultContext context) => context.OAuth.OfflineAccessOnlyForRegisteredClients = false;
}
