namespace SmartConformance.ReferenceServer.Faults.Refresh;

/// <summary>A used refresh token keeps working for an hour after it was replaced by a new one.</summary>
internal sealed class OldRefreshTokenReusable : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "refresh.old-token-reusable",
        "A rotated refresh token still works after its replacement was issued",
        "RFC 9700 §4.14.2",
        ["REF-06"]);

    public void Apply(FaultContext context) => context.Server.SetRefreshTokenReuseLeeway(TimeSpan.FromHours(1));
}
