using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FluentAssertions;
using Microsoft.AspNetCore.WebUtilities;
using SmartConformance.ReferenceServer;

namespace SmartConformance.SelfTests.ReferenceServer.Support;

/// <summary>
/// Walks the authorization code flow with HttpClient and a cookie jar instead of a browser: redirects are followed
/// by hand so every hop (login, picker, consent, callback) can be asserted.
/// </summary>
internal sealed class BrowserlessOAuthClient : IDisposable
{
    public const string RedirectUri = "http://127.0.0.1:53123/callback";

    private readonly ReferenceServerHost _host;
    private readonly HttpClient _http;

    public BrowserlessOAuthClient(ReferenceServerHost host)
    {
        _host = host;
        _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = host.BaseUrl,
        };
    }

    public Pkce Pkce { get; } = Pkce.Create();

    public string State { get; } = Guid.NewGuid().ToString("N");

    public string AuthorizeUrl(string clientId, string scope, string? aud = null, string? codeChallenge = null,
        string codeChallengeMethod = "S256") =>
        QueryHelpers.AddQueryString(new Uri(_host.BaseUrl, "authorize").AbsoluteUri, new Dictionary<string, string?>
        {
            ["response_type"] = "code",
            ["client_id"] = clientId,
            ["redirect_uri"] = RedirectUri,
            ["scope"] = scope,
            ["state"] = State,
            ["aud"] = aud ?? _host.FhirBaseUrl.AbsoluteUri,
            ["code_challenge"] = codeChallenge ?? Pkce.Challenge,
            ["code_challenge_method"] = codeChallengeMethod,
        });

    public Task<HttpResponseMessage> GetAsync(string url) => _http.GetAsync(url);

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => _http.SendAsync(request);

    public Task<HttpResponseMessage> PostFormAsync(string url, IEnumerable<KeyValuePair<string, string>> fields) =>
        _http.PostAsync(url, new FormUrlEncodedContent(fields));

    /// <summary>GET /authorize, follow to the login page, sign in, follow back: returns the next page's HTML (picker or consent).</summary>
    public async Task<string> SignInAsync(string authorizeUrl, string username, string password)
    {
        using var authorize = await GetAsync(authorizeUrl);
        authorize.StatusCode.Should().Be(HttpStatusCode.Redirect, "an anonymous authorize request is sent to the login page");
        var loginUrl = authorize.Headers.Location!.OriginalString;
        loginUrl.Should().StartWith("/login?returnUrl=");

        var loginPage = await ReadPageAsync(await GetAsync(loginUrl));
        using var login = await PostFormAsync(HtmlForm.Action(loginPage, "login-form"),
            [.. HtmlForm.HiddenFields(loginPage), new("username", username), new("password", password)]);
        login.StatusCode.Should().Be(HttpStatusCode.Redirect, "a correct password returns to the authorize request");

        return await ReadPageAsync(await GetAsync(login.Headers.Location!.OriginalString));
    }

    /// <summary>Submits a page's form (picker or consent) with its hidden fields plus the given ones.</summary>
    public Task<HttpResponseMessage> SubmitAsync(string html, string formId, params (string Name, string Value)[] fields) =>
        PostFormAsync(HtmlForm.Action(html, formId), [.. HtmlForm.HiddenFields(html), .. fields.Select(f => KeyValuePair.Create(f.Name, f.Value))]);

    /// <summary>Runs login and consent to the end and returns the callback's parameters.</summary>
    public async Task<Dictionary<string, string>> AuthorizeAsync(string clientId, string scope, string username, string password)
    {
        var consent = await SignInAsync(AuthorizeUrl(clientId, scope), username, password);
        using var approved = await SubmitAsync(consent, "consent-form", ("consent", "approve"));
        return CallbackParameters(approved);
    }

    public static Dictionary<string, string> CallbackParameters(HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var location = response.Headers.Location!.AbsoluteUri;
        location.Should().StartWith(RedirectUri + "?");
        return QueryHelpers.ParseQuery(new Uri(location).Query).ToDictionary(p => p.Key, p => p.Value.ToString());
    }

    public Task<HttpResponseMessage> ExchangeCodeAsync(string clientId, string code, string? clientSecret = null, string? verifier = null) =>
        TokenRequestAsync(clientId, clientSecret,
        [
            new("grant_type", "authorization_code"),
            new("code", code),
            new("redirect_uri", RedirectUri),
            new("code_verifier", verifier ?? Pkce.Verifier),
        ]);

    public Task<HttpResponseMessage> RefreshAsync(string clientId, string refreshToken, string? clientSecret = null) =>
        TokenRequestAsync(clientId, clientSecret, [new("grant_type", "refresh_token"), new("refresh_token", refreshToken)]);

    public async Task<HttpResponseMessage> ReadFhirAsync(string relativeUrl, string? accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{_host.FhirBaseUrl.AbsoluteUri}/{relativeUrl}");
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }
        return await _http.SendAsync(request);
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    /// <summary>A string member of a JSON response; a missing member fails with the whole document in the message.</summary>
    public static string Member(JsonElement json, string name)
    {
        json.TryGetProperty(name, out var value).Should().BeTrue($"'{name}' should be in {json}");
        return value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
    }

    public void Dispose() => _http.Dispose();

    // Public clients identify themselves in the body; confidential ones use HTTP Basic (client_secret_basic).
    private async Task<HttpResponseMessage> TokenRequestAsync(string clientId, string? clientSecret,
        List<KeyValuePair<string, string>> fields)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "token");
        if (clientSecret is null)
        {
            fields.Add(new("client_id", clientId));
        }
        else
        {
            var credentials = $"{Uri.EscapeDataString(clientId)}:{Uri.EscapeDataString(clientSecret)}";
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        }
        request.Content = new FormUrlEncodedContent(fields);
        return await _http.SendAsync(request);
    }

    private static async Task<string> ReadPageAsync(HttpResponseMessage response)
    {
        using (response)
        {
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
            return await response.Content.ReadAsStringAsync();
        }
    }
}
