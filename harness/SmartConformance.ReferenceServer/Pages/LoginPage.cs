namespace SmartConformance.ReferenceServer.Pages;

/// <summary>The sign-in form: <c>#username</c>, <c>#password</c>, <c>button#login</c>; <c>#error</c> after a failed attempt.</summary>
internal static class LoginPage
{
    public static string Body(string returnUrl, string? username, string? error) => $"""
        {(error is null ? "" : $"""<p id="error" role="alert">{Html.Encode(error)}</p>""")}
        <form id="login-form" method="post" action="/login">
          <input type="hidden" name="returnUrl" value="{Html.Encode(returnUrl)}">
          <label for="username">Username</label>
          <input id="username" name="username" autocomplete="username" value="{Html.Encode(username)}" required>
          <label for="password">Password</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required>
          <button id="login" type="submit">Sign in</button>
        </form>
        """;
}
