using Microsoft.AspNetCore;
using Microsoft.Net.Http.Headers;
using OpenIddict.Server;

namespace SmartConformance.ReferenceServer.Introspection;

/// <summary>
/// Bearer authorization at the introspection endpoint (SMART token-introspection.html#authorization-to-perform-token-introspection):
/// a caller without client authentication may present an access token of this server that carries <see cref="Scope"/>.
/// </summary>
internal static class IntrospectionBearer
{
    /// <summary>The scope that makes an access token "appropriately scoped" to call introspection; the backend clients are pre-authorized for it.</summary>
    public const string Scope = "introspect";

    private const string AuthorizedProperty = ".smart_introspection_bearer_authorized";

    /// <summary>The token of an <c>Authorization: Bearer</c> header, or null when the request carries none.</summary>
    public static string? Token(OpenIddictServerTransaction transaction) =>
        transaction.GetHttpRequest()?.Headers[HeaderNames.Authorization].ToString() is { } header &&
        header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header[7..].Trim() is { Length: > 0 } token
            ? token
            : null;

    public static void MarkAuthorized(OpenIddictServerTransaction transaction) => transaction.Properties[AuthorizedProperty] = true;

    public static bool IsAuthorized(OpenIddictServerTransaction transaction) => transaction.Properties.ContainsKey(AuthorizedProperty);
}
