using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SmartConformance.ReferenceServer.Identity;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace SmartConformance.ReferenceServer.OAuth;

/// <summary>The session cookie set by the login page and read by the authorize endpoint.</summary>
internal static class LoginCookie
{
    public const string Scheme = "reference-login";

    public static IServiceCollection AddLoginCookie(this IServiceCollection services)
    {
        services.AddAuthentication(Scheme).AddCookie(Scheme, cookie =>
        {
            // Cookies ignore ports: a unique name keeps hosts on the same 127.0.0.1 from overwriting each other's session.
            cookie.Cookie.Name = $"smart-ref-{Guid.NewGuid():N}"[..18];
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.None;
            cookie.LoginPath = LoginEndpoints.Path;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(1);
        });
        return services;
    }

    public static ClaimsPrincipal CreatePrincipal(UserAccount user) =>
        new(new ClaimsIdentity([new Claim(Claims.Subject, user.Username), new Claim(Sessions.LoginSessions.ClaimType, Sessions.LoginSessions.NewId())], Scheme));
}
