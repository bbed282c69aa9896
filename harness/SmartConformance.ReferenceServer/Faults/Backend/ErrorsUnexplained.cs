using SmartConformance.ReferenceServer.Faults.Token;

namespace SmartConformance.ReferenceServer.Faults.Backend;

/// <summary>Backend token errors (requests with a client assertion) carry the error code only: no error_description, no error_uri.</summary>
internal sealed class ErrorsUnexplained : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "backend.errors-unexplained",
        "Backend token errors carry neither error_description nor error_uri",
        "SMART App Launch 2.2 backend-services.html#issue-access-token",
        [],
        ExpectedWarnings: ["BSV-03"]);

    public void Apply(FaultContext context) => TokenResponseRewrite.Add(context, apply =>
    {
        if (apply.Response.Error is null || string.IsNullOrEmpty(apply.Request?.ClientAssertion)) return;
        apply.Response.ErrorDescription = null;
        apply.Response.ErrorUri = null;
    });
}
