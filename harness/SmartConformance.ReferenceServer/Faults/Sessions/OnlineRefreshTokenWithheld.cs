namespace SmartConformance.ReferenceServer.Faults.Sessions;

/// <summary>online_access is granted, but the token response has no refresh token (only offline_access gets one).</summary>
internal sealed class OnlineRefreshTokenWithheld : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "online.refresh-token-withheld",
        "online_access is granted, but the token response has no refresh_token",
        "SMART App Launch 2.2 conformance.html#capabilities (permission-online); app-launch.html#refresh-access-token",
        ["TOK-14"]);

    public void Apply(FaultContext context) => context.Sessions.IssueOnlineRefreshTokens = false;
}
