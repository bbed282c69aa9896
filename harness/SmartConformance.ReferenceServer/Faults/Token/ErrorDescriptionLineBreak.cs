namespace SmartConformance.ReferenceServer.Faults.Token;

/// <summary>Token endpoint errors explain themselves over two lines and quote a parameter: characters RFC 6749 forbids there.</summary>
internal sealed class ErrorDescriptionLineBreak : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "token.error-description-line-break",
        "Token endpoint error answers carry an error_description with a line break and double quotes",
        "RFC 6749 §5.2 and Appendix A.7",
        ["ERR-02"]);

    public void Apply(FaultContext context) => TokenResponseRewrite.Add(context, apply =>
    {
        if (apply.Response.Error is not null)
            apply.Response.ErrorDescription = $"The token request was refused.\r\nReason: \"{apply.Response.ErrorDescription}\"";
    });
}
