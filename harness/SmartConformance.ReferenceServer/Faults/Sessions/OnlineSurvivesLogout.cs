namespace SmartConformance.ReferenceServer.Faults.Sessions;

/// <summary>An online_access refresh token keeps working after the user logged out, like offline access.</summary>
internal sealed class OnlineSurvivesLogout : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "online.survives-logout",
        "An online_access refresh token still refreshes after the user's session ended",
        "SMART App Launch 2.2 app-launch.html#refresh-access-token; scopes-and-launch-context.html#scopes-for-requesting-a-refresh-token",
        ["REF-07"]);

    public void Apply(FaultContext context) => context.Sessions.EndOnlineAccessWithSession = false;
}
