using SmartConformance.ReferenceServer.Faults.Token;

namespace SmartConformance.ReferenceServer.Faults.Scopes;

/// <summary>v1 scopes are granted, but the token response names them in v2 form (<c>.read</c> answered as <c>.rs</c>).</summary>
internal sealed class V1ReturnedAsV2 : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "scopes.v1-returned-as-v2",
        "Requested SMART v1 scopes are returned in v2 form",
        "SMART App Launch 2.2 scopes-and-launch-context.html#scopes-for-requesting-fhir-resources",
        [], ExpectedWarnings: ["SCOPE-02"]);

    public void Apply(FaultContext context) => TokenResponseRewrite.Add(context, apply =>
    {
        if (apply.Response.Scope is { } scope)
        {
            apply.Response.Scope = string.Join(' ', scope.Split(' ').Select(s => s.EndsWith(".read", StringComparison.Ordinal) ? s[..^".read".Length] + ".rs" : s));
        }
    });
}
