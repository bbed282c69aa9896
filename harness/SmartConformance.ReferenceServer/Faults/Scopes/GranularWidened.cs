using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace SmartConformance.ReferenceServer.Faults.Scopes;

/// <summary>Granular scopes are accepted, but granted without their search-parameter constraint: <c>patient/Observation.rs?category=…</c> becomes <c>patient/Observation.rs</c>.</summary>
internal sealed class GranularWidened : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "scopes.granular-widened",
        "A requested granular scope (?category=) is granted as the whole resource-level scope",
        "SMART App Launch 2.2 scopes-and-launch-context.html#finer-grained-resource-constraints-using-search-parameters; RFC 6749 §3.3",
        ["SCOPE-03"]);

    public void Apply(FaultContext context) => context.Server.AddEventHandler<ProcessSignInContext>(handler => handler
        .UseInlineHandler(sign =>
        {
            if (sign.EndpointType is OpenIddictServerEndpointType.Authorization && sign.Principal is { } principal)
            {
                principal.SetScopes(principal.GetScopes().Select(scope => scope.Split('?', 2)[0]).Distinct(StringComparer.Ordinal));
            }
            return default;
        })
        .SetOrder(int.MinValue + 1_000));
}
