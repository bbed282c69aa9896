using OpenIddict.Abstractions;
using SmartConformance.ReferenceServer.Faults.Token;
using SmartConformance.ReferenceServer.OAuth;

namespace SmartConformance.ReferenceServer.Faults.Refresh;

/// <summary>Refresh responses name another patient than the launch's (the token itself still works as before).</summary>
internal sealed class RefreshChangesPatient : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "refresh.context-changed",
        "A refresh response carries another patient than the launch",
        "SMART App Launch 2.2 app-launch.html#response-7",
        ["REF-01"]);

    public void Apply(FaultContext context) => TokenResponseRewrite.Add(context, apply =>
    {
        if (apply.Request?.IsRefreshTokenGrantType() == true && apply.Response[SmartClaims.Patient] is not null)
            apply.Response[SmartClaims.Patient] = "someone-else";
    });
}
