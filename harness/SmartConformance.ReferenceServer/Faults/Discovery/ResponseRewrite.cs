using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace SmartConformance.ReferenceServer.Faults.Discovery;

/// <summary>
/// Lets a fault change response headers the endpoints or middleware (CORS, OpenIddict) have already set: a middleware
/// in front of the whole pipeline whose OnStarting callback runs last, just before the headers are sent.
/// </summary>
internal static class ResponseRewrite
{
    public static void Add(IServiceCollection services, Func<HttpContext, bool> applies, Action<HttpResponse> rewrite) =>
        services.AddSingleton<IStartupFilter>(new Filter(applies, rewrite));

    public static bool IsDiscovery(HttpContext context) =>
        context.Request.Path.Value?.EndsWith("/.well-known/smart-configuration", StringComparison.Ordinal) == true;

    private sealed class Filter(Func<HttpContext, bool> applies, Action<HttpResponse> rewrite) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, following) =>
            {
                if (applies(context))
                {
                    context.Response.OnStarting(() =>
                    {
                        rewrite(context.Response);
                        return Task.CompletedTask;
                    });
                }
                await following(context);
            });
            next(app);
        };
    }
}
