using OpenIddict.Server;

namespace SmartConformance.ReferenceServer.Faults.Authorize;

/// <summary>Authorization requests without code_challenge get a code that redeems without a code_verifier.</summary>
internal sealed class PkceNotRequired : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "pkce.not-required",
        "PKCE is optional: a request without code_challenge gets a redeemable code",
        "SMART App Launch 2.2 app-launch.html#request-4 (code_challenge required)",
        ["PKCE-05"]);

    public void Apply(FaultContext context)
    {
        context.Server.Configure(options => options.RequireProofKeyForCodeExchange = false);
        // The seeded clients also carry the PKCE requirement; these handlers enforce it.
        context.Server.RemoveEventHandler(OpenIddictServerHandlers.Authentication.ValidateProofKeyForCodeExchangeRequirement.Descriptor);
        context.Server.RemoveEventHandler(OpenIddictServerHandlers.Exchange.ValidateProofKeyForCodeExchangeRequirement.Descriptor);
    }
}
