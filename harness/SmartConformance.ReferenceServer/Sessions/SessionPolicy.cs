namespace SmartConformance.ReferenceServer.Sessions;

/// <summary>Switches of online access (SMART permission-online) that faults may turn. The defaults are conformant.</summary>
internal sealed class SessionPolicy
{
    /// <summary>A grant with online_access comes with a refresh token.</summary>
    public bool IssueOnlineRefreshTokens { get; set; } = true;

    /// <summary>An online_access refresh token is refused once the user's session has ended.</summary>
    public bool EndOnlineAccessWithSession { get; set; } = true;
}
