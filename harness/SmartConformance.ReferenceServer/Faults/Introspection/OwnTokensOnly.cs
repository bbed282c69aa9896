using OpenIddict.Server;

namespace SmartConformance.ReferenceServer.Faults.Introspection;

/// <summary>A client may introspect only the tokens issued to itself (OpenIddict's default, which SMART does not allow).</summary>
internal sealed class OwnTokensOnly : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "introspection.own-tokens-only",
        "An introspection caller cannot introspect tokens issued to other clients",
        "SMART App Launch 2.2 token-introspection.html#authorization-to-perform-token-introspection",
        ["INT-04"]);

    public void Apply(FaultContext context) =>
        context.Server.AddEventHandler(OpenIddictServerHandlers.Introspection.ValidateAuthorizedParty.Descriptor);
}
