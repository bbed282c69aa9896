namespace SmartConformance.ReferenceServer.Faults.Scopes;

/// <summary>Unknown and malformed scopes are accepted and granted as asked, instead of being refused with invalid_scope.</summary>
internal sealed class GrantUnknownScopes : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "scopes.grant-unknown",
        "Unknown and malformed scopes are silently granted",
        "RFC 6749 §3.3, §4.1.2.1; SMART App Launch 2.2 scopes-and-launch-context.html",
        ["AUTHZ-09", "SCOPE-07"]);

    public void Apply(FaultContext context) => context.OAuth.RefuseUnknownScopes = false;
}
