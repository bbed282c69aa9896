using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace SmartConformance.ReferenceServer.Sessions;

/// <summary>
/// Answers a token request whose grant includes <c>online_access</c> with a refresh token (SMART App Launch 2.2,
/// permission-online). OpenIddict only issues refresh tokens for <c>offline_access</c>.
/// </summary>
internal sealed class IssueOnlineRefreshToken(SessionPolicy policy) : IOpenIddictServerHandler<ProcessSignInContext>
{
    public const string Scope = "online_access";

    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessSignInContext>()
            .UseSingletonHandler<IssueOnlineRefreshToken>()
            .SetOrder(OpenIddictServerHandlers.EvaluateGeneratedTokens.Descriptor.Order + 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ProcessSignInContext context)
    {
        if (policy.IssueOnlineRefreshTokens && context.EndpointType is OpenIddictServerEndpointType.Token &&
            context.Principal?.HasScope(Scope) == true)
        {
            context.GenerateRefreshToken = true;
            context.IncludeRefreshToken = true;
        }
        return default;
    }
}
