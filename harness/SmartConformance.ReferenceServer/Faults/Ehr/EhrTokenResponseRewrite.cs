using OpenIddict.Abstractions;
using OpenIddict.Server;
using SmartConformance.ReferenceServer.Ehr;
using SmartConformance.ReferenceServer.OAuth.Handlers;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace SmartConformance.ReferenceServer.Faults.Ehr;

/// <summary>A token-endpoint handler that rewrites the launch context of EHR launches (tokens granted the <c>launch</c> scope) only.</summary>
internal static class EhrTokenResponseRewrite
{
    public static OpenIddictServerHandlerDescriptor Handler(Action<Dictionary<string, OpenIddictParameter>> rewrite) =>
        OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessSignInContext>()
            .UseInlineHandler(context =>
            {
                if (context.EndpointType is OpenIddictServerEndpointType.Token &&
                    context.Principal?.HasScope(EhrLaunchParameters.Launch) == true)
                {
                    rewrite(context.Parameters);
                }
                return default;
            })
            // After AttachLaunchContextParameters wrote the context, before OpenIddict copies it into the response.
            .SetOrder(AttachLaunchContextParameters.Descriptor.Order + 100)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();
}
