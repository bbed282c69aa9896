using System.Text.Json;
using Duende.IdentityModel;
using NUnit.Framework;
using SmartConformance.Harness.Evidence;
using SmartConformance.Harness.Launch;
using SmartConformance.Harness.Registration;
using SmartConformance.Harness.Smart;
using SmartConformance.Tests.Authorization;
using SmartConformance.Tests.Framework;
using SmartConformance.Tests.Scopes;
using SmartConformance.Tests.Token;

namespace SmartConformance.Tests.Errors;

/// <summary>What every OAuth error answer may carry besides its code: error_description and error_uri, in the characters RFC 6749 allows.</summary>
[CheckGroup("OAuth errors")]
public sealed class ErrorParameterChecks : ConformanceFixture
{
    private const string Requirement =
        "error_description and error_uri use only the characters %x20-21 / %x23-5B / %x5D-7E (printable ASCII without \" and \\; no CR, LF, TAB, " +
        "other control or non-ASCII characters; error_uri without spaces) and error_uri is an absolute URI of a human-readable page " +
        "(RFC 6749 §4.1.2.1, §5.2, Appendix A.7 and A.8)";

    [Test]
    [Check("ERR-02", "error_description and error_uri in OAuth error answers (token, introspection, revocation, registration, error redirects) use only the characters RFC 6749 allows, and error_uri is an absolute URI",
        "RFC 6749 §5.2, §4.1.2.1, Appendix A.7 and A.8", OAuthSpec.TokenError)]
    [Requirement("RFC6749@5.2"), Requirement("RFC6749@4.1.2.1")]
    public async Task ErrorParameters_UseTheAllowedCharacters()
    {
        var samples = new List<OAuthErrorSample>();
        var configuration = (await Session.DiscoveryAsync()).Configuration;
        var endpoints = new List<(string What, Uri Endpoint)>();
        if (configuration is not null)
        {
            foreach (var (field, what) in new[] { ("token_endpoint", "token endpoint"), ("introspection_endpoint", "introspection endpoint"),
                         ("revocation_endpoint", "revocation endpoint"), ("registration_endpoint", "registration endpoint") })
                if (configuration.Url(field) is { } endpoint) endpoints.Add((what, endpoint));
            samples.AddRange(await ProvokedErrorsAsync(configuration));
        }

        // The error redirects the authorization checks provoke (shared, so waiting for them costs no extra launch).
        var attempts = new List<(string What, Task<CodeAttempt> Attempt)>
        {
            ("aud for another server", AuthorizationEvidence.WrongAud()), ("no aud", AuthorizationEvidence.MissingAud()),
            ("response_type=token", AuthorizationEvidence.TokenResponseType()), ("no response_type", AuthorizationEvidence.MissingResponseType()),
            ("an unknown scope", ScopeRefusalChecks.UnknownScopeAttempt()),
        };
        if (Session.Profile.BrowserSteps.Deny.Count > 0) attempts.Add(("consent denied", AuthorizationEvidence.Denied()));
        foreach (var (what, pending) in attempts)
        {
            var attempt = await pending;
            if (attempt.Redirect is { } redirect && OAuthErrorSample.FromRedirect($"the authorization error redirect for {what}", redirect,
                    attempt.Preflight ?? attempt.BrowserTraffic.LastOrDefault()) is { } sample)
                samples.Add(sample);
        }

        // Everything else the run recorded so far: other checks' error answers at the OAuth endpoints and error redirects.
        foreach (var exchange in Session.Recorder.All)
        {
            var path = exchange.Url.GetLeftPart(UriPartial.Path);
            var at = endpoints.FirstOrDefault(e => e.Endpoint.GetLeftPart(UriPartial.Path) == path).What;
            var sample = at is not null
                ? OAuthErrorSample.FromJsonBody($"an error answer of the {at}", exchange)
                : OAuthErrorSample.FromLocation("an authorization error redirect", exchange, Session.Redirects.CallbackUri);
            if (sample is not null) samples.Add(sample);
        }

        // A redirect seen both by its launch and in the recorder is one answer.
        samples = samples.GroupBy(s => s.Exchange?.Sequence).SelectMany(g => g.Key is null ? g : g.Take(1)).ToList();
        if (samples.Count == 0) { Skip("No OAuth error answer was recorded or could be provoked (no token, introspection, revocation or registration endpoint in discovery, and no error redirect)."); return; }
        Uses([.. samples.Where(s => s.Description is not null || s.Uri is not null).Select(s => s.Exchange)]);

        foreach (var sample in samples)
        {
            var problem = Problem("error_description", sample.Description, isUri: false) ?? Problem("error_uri", sample.Uri, isUri: true);
            if (problem is not null)
            {
                Fail($"In {sample.What} (error={sample.Error}), {problem}.", sample.Exchange, Requirement);
                return;
            }
        }
    }

    /// <summary>One error from each OAuth endpoint discovery names, provoked here so the check never depends on which checks ran first.</summary>
    private static async Task<List<OAuthErrorSample>> ProvokedErrorsAsync(SmartConfiguration configuration)
    {
        var samples = new List<OAuthErrorSample>();
        void Add(string what, HttpExchange? exchange)
        {
            if (exchange is not null && OAuthErrorSample.FromJsonBody(what, exchange) is { } sample) samples.Add(sample);
        }

        if (configuration.TokenEndpoint is { } token)
        {
            var call = await Session.Tokens.ExchangeCodeAsync(token, OAuthEvidence.StandaloneClient, CryptoRandom.CreateUniqueId(32),
                Session.RedirectUri, Pkce.NewS256().Verifier, CancellationToken.None);
            Add("the token endpoint's answer to an unknown code", call.Exchange);
        }
        if (configuration.Url("introspection_endpoint") is { } introspection)
        {
            var answer = await OAuthFormPost.SendAsync(Session.Http, introspection, "err-02-introspect-unauthenticated",
                [new("token", "smart-conformance-" + CryptoRandom.CreateUniqueId(16))], client: null, CancellationToken.None);
            Add("the introspection endpoint's answer to a caller without credentials", answer.Exchange);
        }
        if (configuration.Url("revocation_endpoint") is { } revocation && OAuthEvidence.ConfidentialClient is { } confidential)
        {
            var answer = await OAuthFormPost.SendAsync(Session.Http, revocation, "err-02-revoke-wrong-secret",
                [new("token", "smart-conformance-" + CryptoRandom.CreateUniqueId(16))],
                confidential with { ClientSecret = "wrong-" + CryptoRandom.CreateUniqueId(16) }, CancellationToken.None);
            Add("the revocation endpoint's answer to a client with a wrong secret", answer.Exchange);
        }
        if (configuration.RegistrationEndpoint is { } registration)
        {
            var answer = await ClientRegistration.RegisterAsync(Session.Http, registration,
                ClientRegistration.Metadata(["https://app.example.org/callback#part"], "none", OAuthEvidence.Standalone.Scope, "err-02"),
                "err-02-register-fragment", CancellationToken.None);
            Add("the registration endpoint's answer to a redirect URI with a fragment", answer.Exchange);
        }
        return samples;
    }

    private static string? Problem(string field, JsonElement? value, bool isUri)
    {
        if (value is not { } present) return null;
        if (present.ValueKind != JsonValueKind.String) return $"{field} is a JSON {present.ValueKind.ToString().ToLowerInvariant()}, not a string";
        var text = present.GetString()!;
        for (var i = 0; i < text.Length; i++)
            if (!Allowed(text[i], isUri))
                return $"{field} \"{Shown(text)}\" contains {Name(text[i])} at position {i}";
        if (isUri && !Uri.TryCreate(text, UriKind.Absolute, out _)) return $"error_uri \"{Shown(text)}\" is not an absolute URI";
        return null;
    }

    // RFC 6749 Appendix A.7 (error_description) and A.8 (error_uri, a URI-reference: no space).
    private static bool Allowed(char c, bool isUri) => c is (>= '\x23' and <= '\x5B') or (>= '\x5D' and <= '\x7E') or '\x21' || (!isUri && c == ' ');

    private static string Name(char c) => c switch
    {
        '\r' => "a carriage return (CR, U+000D)",
        '\n' => "a line feed (LF, U+000A)",
        '\t' => "a tab (U+0009)",
        '"' => "a double quote (\")",
        '\\' => "a backslash (\\)",
        ' ' => "a space",
        _ => $"the character U+{(int)c:X4}",
    };

    private static string Shown(string text)
    {
        var shown = text.Replace("\r", "\\r").Replace("\n", "\\n").Replace("\t", "\\t");
        return shown.Length > 160 ? shown[..160] + "…" : shown;
    }
}
