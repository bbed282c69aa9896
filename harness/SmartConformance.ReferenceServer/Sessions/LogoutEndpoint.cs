using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SmartConformance.ReferenceServer.OAuth;
using SmartConformance.ReferenceServer.Pages;

namespace SmartConformance.ReferenceServer.Sessions;

/// <summary>GET /logout ends the browser's sign-in session: the cookie is cleared and online access granted in it ends.</summary>
internal static class LogoutEndpoint
{
    public const string Path = "/logout";

    public static void MapLogoutEndpoint(this IEndpointRouteBuilder app) => app.MapGet(Path, async (HttpContext http, LoginSessions sessions) =>
    {
        var login = await http.AuthenticateAsync(LoginCookie.Scheme);
        if (login.Succeeded && login.Principal.FindFirst(LoginSessions.ClaimType)?.Value is { } sessionId)
        {
            sessions.End(sessionId);
        }
        await http.SignOutAsync(LoginCookie.Scheme);
        return Html.Page(http, "Signed out", "<p id=\"signed-out\">You are signed out.</p>");
    });
}
