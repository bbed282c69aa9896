using Duende.IdentityModel.Client;
using SmartConformance.Harness.Evidence;
using SmartConformance.Harness.Profiles;
using SmartConformance.Harness.Smart;

namespace SmartConformance.Harness.Launch;

/// <summary>Token endpoint requests the regular <see cref="TokenClient"/> never makes: odd grant types, missing credentials.</summary>
public static class TokenProbes
{
    /// <summary>A grant type the server is not expected to know, from a client identifying itself as its profile says.</summary>
    public static async Task<TokenCall> UnknownGrantAsync(HttpClient http, Uri tokenEndpoint, ClientProfile client, string grantType, CancellationToken ct)
    {
        var request = new TokenRequest { Address = tokenEndpoint.ToString(), GrantType = grantType };
        request.ClientId = client.ClientId;
        request.ClientSecret = client.ClientSecret;
        request.ClientCredentialStyle = client.Authentication == "client_secret_basic" ? ClientCredentialStyle.AuthorizationHeader : ClientCredentialStyle.PostBody;
        using var naming = ExchangeNaming.Begin("token-unknown-grant");
        var response = await http.RequestTokenAsync(request, ct);
        return new TokenCall(response, naming.Captured);
    }

    /// <summary>The client as the profile describes it, but presenting no credentials: only its client_id in the body.</summary>
    public static ClientProfile WithoutCredentials(ClientProfile client) => client with { ClientSecret = null, Authentication = "none" };

    /// <summary>The client presenting a secret that is not its own, the way its profile says it authenticates.</summary>
    public static ClientProfile WithWrongSecret(ClientProfile client) => client with { ClientSecret = "smart-conformance-wrong-secret" };
}
