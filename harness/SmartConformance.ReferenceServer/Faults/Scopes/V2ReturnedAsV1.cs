using SmartConformance.ReferenceServer.Faults.Token;

namespace SmartConformance.ReferenceServer.Faults.Scopes;

/// <summary>
/// Per-type v2 read scopes are granted, but the token response names them in v1 form (<c>patient/Observation.rs</c>
/// answered as <c>patient/Observation.read</c>), as a server mapping requests onto a legacy per-type scope table would.
/// Wildcard and system scopes are left as they are. REF-02 catches it too: a refresh asking back part of the grant as
/// the token response named it is refused, since the server still holds the v2 scopes.
/// </summary>
internal sealed class V2ReturnedAsV1 : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "scopes.v2-returned-as-v1",
        "Requested per-type SMART v2 scopes (patient/Observation.rs) are returned in v1 form (.read)",
        "SMART App Launch 2.2 scopes-and-launch-context.html#scopes-for-requesting-fhir-resources; conformance.html#capabilities (permission-v2)",
        ["SCOPE-01", "REF-02"]);

    public void Apply(FaultContext context) => TokenResponseRewrite.Add(context, apply =>
    {
        if (apply.Response.Scope is { } scope)
        {
            apply.Response.Scope = string.Join(' ', scope.Split(' ').Select(AsV1));
        }
    });

    private static string AsV1(string scope) =>
        scope.EndsWith(".rs", StringComparison.Ordinal) && scope.Split('/', 2) is ["patient" or "user", var type] && !type.StartsWith('*')
            ? scope[..^".rs".Length] + ".read"
            : scope;
}
