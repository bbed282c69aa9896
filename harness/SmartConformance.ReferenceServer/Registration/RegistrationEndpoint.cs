using System.Text.Json;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace SmartConformance.ReferenceServer.Registration;

/// <summary>
/// RFC 7591 dynamic client registration: POST a JSON client metadata document, get 201 with the client_id (and a
/// client_secret for a confidential client), stored through OpenIddict's application manager like the seeded clients.
/// Open registration: no initial access token.
/// </summary>
internal static class RegistrationEndpoint
{
    public const string Path = "register";

    public static void MapRegistrationEndpoint(this IEndpointRouteBuilder app) =>
        app.MapPost("/" + Path, RegisterAsync);

    private static async Task<IResult> RegisterAsync(HttpContext http, IOpenIddictApplicationManager applications, RegistrationPolicy policy)
    {
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.Pragma = "no-cache";
        JsonElement body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<JsonElement>(http.Request.Body, cancellationToken: http.RequestAborted);
        }
        catch (JsonException)
        {
            return Error(RegistrationErrors.InvalidClientMetadata, "The body is not JSON.", policy);
        }

        var (metadata, error, description) = ClientMetadata.Read(body);
        if (metadata is null) return Error(error!, description!, policy);
        if (ClientMetadataRules.Problem(metadata, policy) is { } problem) return Error(problem.Error, problem.Description, policy);

        var clientId = "dyn-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var secret = metadata.IsPublic ? null : Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        if (policy.PersistClients)
        {
            await applications.CreateAsync(Describe(clientId, secret, metadata), http.RequestAborted);
        }

        var answer = new Dictionary<string, object?>
        {
            ["client_id"] = clientId,
            ["client_id_issued_at"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["redirect_uris"] = metadata.RedirectUris,
            ["token_endpoint_auth_method"] = metadata.TokenEndpointAuthMethod,
            ["grant_types"] = metadata.GrantTypes,
            ["response_types"] = metadata.ResponseTypes,
        };
        if (metadata.Scopes is not null) answer["scope"] = string.Join(' ', metadata.Scopes);
        if (metadata.ClientName is not null) answer["client_name"] = metadata.ClientName;
        if (secret is not null && policy.ReturnClientSecret)
        {
            answer["client_secret"] = secret;
            answer["client_secret_expires_at"] = 0;
        }
        return Results.Json(answer, statusCode: StatusCodes.Status201Created);
    }

    private static IResult Error(string error, string description, RegistrationPolicy policy) => Results.Json(new Dictionary<string, string>
    {
        ["error"] = error == RegistrationErrors.InvalidRedirectUri && !policy.DistinctRedirectUriError ? RegistrationErrors.InvalidClientMetadata : error,
        ["error_description"] = description,
    }, statusCode: StatusCodes.Status400BadRequest);

    private static OpenIddictApplicationDescriptor Describe(string clientId, string? secret, ClientMetadata metadata)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = secret is null ? ClientTypes.Public : ClientTypes.Confidential,
            ConsentType = ConsentTypes.Explicit,
            DisplayName = metadata.ClientName ?? clientId,
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.Endpoints.Introspection,
                Permissions.Endpoints.Revocation,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.ResponseTypes.Code,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        if (metadata.GrantTypes.Contains(GrantTypes.RefreshToken))
        {
            descriptor.Permissions.Add(Permissions.GrantTypes.RefreshToken);
        }
        // Only usable URIs are stored (a fault may let others through the rules; OpenIddict would refuse them).
        foreach (var uri in metadata.RedirectUris)
        {
            if (Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.Fragment.Length == 0) descriptor.RedirectUris.Add(parsed);
        }
        foreach (var scope in metadata.Scopes ?? SeedData.Scopes)
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }
        return descriptor;
    }
}
