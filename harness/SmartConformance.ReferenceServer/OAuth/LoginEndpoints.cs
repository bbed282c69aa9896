using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SmartConformance.ReferenceServer.Identity;
using SmartConformance.ReferenceServer.Pages;

namespace SmartConformance.ReferenceServer.OAuth;

/// <summary>GET shows the sign-in form; POST checks the password, sets the session cookie and returns to <c>returnUrl</c>.</summary>
internal static class LoginEndpoints
{
    public const string Path = "/login";
    private const string Title = "Sign in";

    public static void MapLoginEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, (HttpContext http, string? returnUrl) =>
            Html.Page(http, Title, LoginPage.Body(LocalOrRoot(returnUrl), username: null, error: null)));
        app.MapPost(Path, SignInAsync);
    }

    public static string UrlReturningTo(string returnUrl) => Path + QueryString.Create("returnUrl", returnUrl);

    private static async Task<IResult> SignInAsync(HttpContext http, UserDirectory users)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var returnUrl = LocalOrRoot(form["returnUrl"]);
        var username = (string?)form["username"];
        var user = users.Authenticate(username, form["password"]);
        if (user is null)
        {
            return Html.Page(http, Title, LoginPage.Body(returnUrl, username, "Invalid username or password."));
        }

        await http.SignInAsync(LoginCookie.Scheme, LoginCookie.CreatePrincipal(user));
        return Results.Redirect(returnUrl);
    }

    // Only same-origin paths: "//host" and "/\host" would leave the server.
    private static string LocalOrRoot(string? url) =>
        url is ['/', not ('/' or '\\'), ..] or "/" ? url : "/";
}
