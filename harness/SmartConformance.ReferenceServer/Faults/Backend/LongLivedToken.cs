namespace SmartConformance.ReferenceServer.Faults.Backend;

/// <summary>Backend access tokens live an hour instead of at most five minutes (SMART Backend Services: SHOULD NOT exceed 300 s).</summary>
internal sealed class LongLivedToken : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "backend.long-lived-token",
        "Backend access tokens live one hour",
        "SMART App Launch 2.2 backend-services.html#issue-access-token",
        [], ExpectedWarnings: ["EXP-02"]);

    public void Apply(FaultContext context) => context.Backend.AccessTokenLifetime = TimeSpan.FromHours(1);
}
