using System.Buffers.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using SmartConformance.ReferenceServer.Faults.Token;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace SmartConformance.ReferenceServer.Faults.OpenIdConnect;

/// <summary>
/// Edits the id_token of token responses: its claims are changed and it is signed again, by default with the server's own
/// signing key (so only the edited claims are wrong), or with whatever <c>sign</c> picks (null leaves it unsigned, alg none).
/// </summary>
internal static class IdTokenRewrite
{
    public static void Add(FaultContext context, Action<JsonObject> claims, Func<OpenIddictServerOptions, SigningCredentials?>? sign = null,
        Func<ApplyTokenResponseContext, bool>? applies = null) =>
        TokenResponseRewrite.Add(context, apply =>
        {
            if (apply.Response.IdToken is not { } idToken || applies?.Invoke(apply) == false) return;
            var payload = JsonNode.Parse(Base64Url.DecodeFromChars(idToken.Split('.')[1]))!.AsObject();
            claims(payload);
            var credentials = sign is null ? ServerCredentials(apply.Options) : sign(apply.Options);
            var handler = new JsonWebTokenHandler();
            apply.Response.IdToken = credentials is null
                ? handler.CreateToken(payload.ToJsonString())
                : handler.CreateToken(payload.ToJsonString(), credentials);
        });

    public static SigningCredentials ServerCredentials(OpenIddictServerOptions options) =>
        options.SigningCredentials.First(c => c.Key is RsaSecurityKey);

    /// <summary>The server's own RSA key under another kid (null: no kid at all).</summary>
    public static SigningCredentials ServerKeyWithKid(OpenIddictServerOptions options, string? kid)
    {
        var key = (RsaSecurityKey)ServerCredentials(options).Key;
        return new SigningCredentials(new RsaSecurityKey(key.Rsa) { KeyId = kid }, SecurityAlgorithms.RsaSha256);
    }
}
