namespace SmartConformance.ReferenceServer.Faults.Authorize;

/// <summary>The consent page's Deny button is taken as Allow: the app gets a code although the user refused.</summary>
internal sealed class DenyIssuesCode : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "authorize.deny-issues-code",
        "A denied authorization request still issues a code",
        "SMART App Launch 2.2 app-launch.html#response-4; RFC 6749 §4.1.2.1",
        ["AUTHZ-03"]);

    public void Apply(FaultContext context) => context.OAuth.HonourDenial = false;
}
