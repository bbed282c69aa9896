using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace SmartConformance.ReferenceServer.Faults.Token;

/// <summary>
/// The refresh_token of code exchanges carries a character outside visible ASCII. The server strips it again from the
/// requests that send the token back, so refresh, revocation and introspection keep working: only the syntax is wrong.
/// </summary>
internal sealed class RefreshTokenBadCharacter : IFault
{
    private const string Marker = "\u00e9";

    public FaultDescriptor Descriptor { get; } = new(
        "token.bad-characters",
        "The refresh_token contains a character outside visible ASCII",
        "RFC 6749 Appendix A.17 (refresh-token = 1*VSCHAR)",
        ["TOK-12"]);

    public void Apply(FaultContext context)
    {
        TokenResponseRewrite.Add(context, apply =>
        {
            if (apply.Request?.IsAuthorizationCodeGrantType() == true && apply.Response.RefreshToken is { } token)
                apply.Response.RefreshToken = token + Marker;
        });
        Strip<ExtractTokenRequestContext>(context, c => c.Request);
        Strip<ExtractRevocationRequestContext>(context, c => c.Request);
        Strip<ExtractIntrospectionRequestContext>(context, c => c.Request);
    }

    private static void Strip<T>(FaultContext context, Func<T, OpenIddictRequest?> request) where T : BaseContext =>
        context.Server.AddEventHandler<T>(handler => handler
            .UseInlineHandler(extracted =>
            {
                if (request(extracted) is not { } r) return default;
                if (r.RefreshToken?.EndsWith(Marker, StringComparison.Ordinal) == true) r.RefreshToken = r.RefreshToken[..^Marker.Length];
                if (r.Token?.EndsWith(Marker, StringComparison.Ordinal) == true) r.Token = r.Token[..^Marker.Length];
                return default;
            })
            .SetOrder(int.MaxValue - 100_000)
            .SetType(OpenIddictServerHandlerType.Custom));
}
