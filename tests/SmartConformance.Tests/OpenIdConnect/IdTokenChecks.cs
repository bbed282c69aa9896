using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NUnit.Framework;
using SmartConformance.Harness.Fhir;
using SmartConformance.Harness.Smart;
using SmartConformance.Tests.Framework;
using SmartConformance.Tests.Token;

namespace SmartConformance.Tests.OpenIdConnect;

[CheckGroup("OpenID Connect")]
public sealed class IdTokenChecks : IdTokenFixture
{
    // Clock difference between the suite and the server that is not held against the server.
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    private static readonly HashSet<string> UserTypes = ["Patient", "Practitioner", "PractitionerRole", "RelatedPerson", "Person"];

    [Test]
    [Check("OIDC-01", "The id_token is signed with RS256 by a key of jwks_uri, named by a kid that resolves to exactly one key",
        "OpenID Connect Core 1.0 §3.1.3.7 and §10.1; SMART App Launch 2.2 identity data", OidcSpec.IdTokenValidation)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@80"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@200"),
     Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@205"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@207"),
     Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@210"), Requirement("OIDC-Core@3.1.3.7"), Requirement("OIDC-Core@10.1")]
    public async Task IdToken_IsSignedWithAPublishedKey()
    {
        if (await RequireOpenIdAsync() is null) { Skip("The discovery document names no issuer, so the OpenID configuration and its keys cannot be found; DISC-05 reports it."); return; }
        var launch = RequireLaunch(await Session.StandalonePatientLaunchAsync(), "TOK-01", l => l.Token is { Response.IsError: false });
        var (raw, token) = RequireIdToken(launch);
        var exchange = launch.Token!.Exchange;
        const string requirement = "the id_token is a JWS signed with RS256 (never alg none) whose header kid names exactly one key of the JWK Set at the OpenID configuration's jwks_uri, and the signature verifies with that key";
        if (token is null) { Fail("The id_token is not a JWT (three base64url parts with a JSON header and payload).", exchange, requirement); return; }
        if (token.Alg != SecurityAlgorithms.RsaSha256)
        {
            Fail($"The id_token's header says alg \"{token.Alg}\"{(string.Equals(token.Alg, "none", StringComparison.OrdinalIgnoreCase) ? " (an unsigned token anyone could forge)" : "")}; RS256 is required.", exchange, requirement);
            return;
        }
        if (string.IsNullOrEmpty(token.Kid)) { Fail("The id_token's header has no kid, so the app cannot tell which published key signed it.", exchange, requirement); return; }

        var keys = await OpenIdKeys.FetchAsync(Session);
        Uses(keys.Configuration, keys.Jwks);
        if (keys.Keys is null) { Fail($"The signing keys could not be read: {keys.Problem}.", keys.Jwks ?? keys.Configuration, requirement); return; }
        var matching = keys.Keys.Keys.Where(k => k.Kid == token.Kid).ToList();
        if (matching.Count != 1)
        {
            Fail($"The id_token's kid \"{token.Kid}\" names {matching.Count} keys of the JWK Set (kids: {string.Join(", ", keys.Keys.Keys.Select(k => k.Kid ?? "(none)"))}); it must name exactly one.", keys.Jwks, requirement);
            return;
        }
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(raw, new TokenValidationParameters
        {
            IssuerSigningKey = matching[0], TryAllIssuerSigningKeys = false, ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ValidateIssuer = false, ValidateAudience = false, ValidateLifetime = false,
        });
        if (!result.IsValid)
            Fail($"The id_token's signature does not verify with the published key \"{token.Kid}\": {result.Exception?.Message.Split('\n')[0]}", exchange, requirement);
    }

    [Test]
    [Check("OIDC-02", "The id_token names the discovery issuer, the client as audience, a subject of at most 255 characters, and sane exp and iat",
        "OpenID Connect Core 1.0 §2 and §3.1.3.7", OidcSpec.IdToken)]
    [Requirement("OIDC-Core@2"), Requirement("OIDC-Core@3.1.3.7")]
    public async Task IdToken_ClaimsAreValid()
    {
        var issuer = await RequireOpenIdAsync();
        var launch = RequireLaunch(await Session.StandalonePatientLaunchAsync(), "TOK-01", l => l.Token is { Response.IsError: false });
        var (_, token) = RequireIdToken(launch);
        if (token is null) { Skip("The id_token is not a JWT; OIDC-01 reports it."); return; }
        var exchange = launch.Token!.Exchange;
        var clientId = launch.Request!.ClientId;
        var problems = new List<string>();
        if (issuer is not null && token.Issuer != issuer)
            problems.Add($"iss is \"{token.Issuer}\" but the discovery issuer is \"{issuer}\" (they must match exactly)");
        var audiences = token.Audiences.ToList();
        if (!audiences.Contains(clientId)) problems.Add($"aud is [{string.Join(", ", audiences)}], without the client_id \"{clientId}\"");
        else if (audiences.Count > 1 && Claim(token, "azp") != clientId)
            problems.Add($"aud has {audiences.Count} audiences but azp is \"{Claim(token, "azp") ?? "(missing)"}\", not the client_id \"{clientId}\"");
        if (Claim(token, "sub") is not { Length: > 0 } sub) problems.Add("sub is missing");
        else if (sub.Length > 255) problems.Add($"sub is {sub.Length} characters long (at most 255)");
        var issuedAt = NumericClaim(token, "iat");
        var expiry = NumericClaim(token, "exp");
        var received = exchange?.StartedAt ?? DateTimeOffset.UtcNow;
        if (expiry is null) problems.Add("exp is missing or not a number");
        if (issuedAt is null) problems.Add("iat is missing or not a number");
        if (expiry is { } exp && issuedAt is { } iat)
        {
            if (exp <= iat) problems.Add($"exp {exp} is not after iat {iat}");
            if (DateTimeOffset.FromUnixTimeSeconds(iat) > received + Skew) problems.Add($"iat {iat} is in the future (received at {received.ToUnixTimeSeconds()})");
            if (DateTimeOffset.FromUnixTimeSeconds(exp) < received - Skew) problems.Add($"exp {exp} had already passed when the token arrived ({received.ToUnixTimeSeconds()})");
        }
        if (problems.Count > 0)
            Fail("The id_token's claims are not valid: " + string.Join("; ", problems) + ".", exchange,
                "an id_token has iss equal to the issuer, aud containing the client_id (azp when there are several audiences), sub of at most 255 characters, exp after iat, and iat not in the future");
    }

    [Test]
    [Check("OIDC-03", "A nonce sent with the authorization request comes back unchanged in the id_token, and a request without nonce still succeeds",
        "OpenID Connect Core 1.0 §3.1.2.1 and §3.1.3.7", OidcSpec.AuthRequest)]
    [Requirement("OIDC-Core@3.1.2.1"), Requirement("OIDC-Core@3.1.3.7")]
    public async Task Nonce_IsEchoed()
    {
        await RequireOpenIdAsync();
        var launch = RequireLaunch(await Session.StandalonePatientLaunchAsync(), "TOK-01", l => l.Token is { Response.IsError: false });
        var (_, token) = RequireIdToken(launch);
        if (token is null) { Skip("The id_token is not a JWT; OIDC-01 reports it."); return; }
        if (launch.Request!.Nonce is not { } nonce) throw new HarnessException("The standalone launch asked for openid without a nonce.");
        if (Claim(token, "nonce") != nonce)
        {
            Fail($"The authorization request sent nonce \"{nonce}\" but the id_token's nonce is {(Claim(token, "nonce") is { } echoed ? $"\"{echoed}\"" : "missing")}.",
                launch.Token!.Exchange, "when the authentication request carries a nonce, the id_token carries a nonce claim with exactly that value");
            return;
        }

        if (OAuthEvidence.OfflineClient is null) return;  // no second launch to ask without a nonce
        var withoutNonce = await OAuthEvidence.OfflineLaunch();
        Uses(withoutNonce.BrowserTraffic.ToArray());
        Uses(withoutNonce.Token?.Exchange);
        if (withoutNonce.Request is not { Nonce: null } || withoutNonce.Problem is null || withoutNonce.ProblemIsHarness) return;
        // The second launch differs in client and offline_access too: only a refusal that names the nonce is held against it.
        var refusal = $"{withoutNonce.Redirect?.Error} {withoutNonce.Redirect?.ErrorDescription} {withoutNonce.Token?.Response.Error} {withoutNonce.Token?.Response.ErrorDescription}";
        if (refusal.Contains("nonce", StringComparison.OrdinalIgnoreCase))
            Fail($"An authorization request with openid but no nonce was refused: {refusal.Trim()}.", withoutNonce.Token?.Exchange,
                "nonce is optional in the authorization code flow; a request without one still gets tokens");
    }

    [Test]
    [Check("OIDC-04", "The id_token's fhirUser is a Patient, Practitioner, PractitionerRole, RelatedPerson or Person the access token can read",
        "SMART App Launch 2.2 scopes for requesting identity data", OidcSpec.IdentityScopes)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@197"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@198"),
     Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@203"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@204"),
     Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@209")]
    public async Task FhirUser_IsAReadableUser()
    {
        await RequireOpenIdAsync();
        var launch = RequireLaunch(await Session.StandalonePatientLaunchAsync(), "TOK-01", l => l.Token is { Response.IsError: false });
        var (_, token) = RequireIdToken(launch);
        if (token is null) { Skip("The id_token is not a JWT; OIDC-01 reports it."); return; }
        if (!ScopeSet.Parse(launch.Token!.Response.Scope ?? launch.Request!.Scope).Contains("fhirUser"))
        {
            Skip("fhirUser was not asked for or not granted; SCOPE-09 reports it.");
            return;
        }
        var exchange = launch.Token.Exchange;
        const string requirement = "with fhirUser granted, the id_token's fhirUser claim is a reference (absolute, or relative to the FHIR base) to a Patient, Practitioner, PractitionerRole, RelatedPerson or Person that the access token can read";
        if (Claim(token, "fhirUser") is not { Length: > 0 } fhirUser) { Fail("fhirUser was granted but the id_token has no fhirUser claim.", exchange, requirement); return; }
        if (Locate(fhirUser) is not (var fhirBase, var type, var id) || !UserTypes.Contains(type))
        {
            Fail($"The id_token's fhirUser \"{fhirUser}\" is not a reference to a Patient, Practitioner, PractitionerRole, RelatedPerson or Person.", exchange, requirement);
            return;
        }
        var read = await FhirRead.GetAsync(Session.Http, fhirBase, $"{type}/{id}", await FreshTokenAsync(launch), "fhir-read-fhiruser", CancellationToken.None);
        if (read.Status != 200 || read.Resource?.TypeName != type || read.Resource.Id != id)
            Fail($"Reading the fhirUser {fhirUser} with the access token answered {read.Status?.ToString() ?? read.ParseProblem ?? "nothing"}{(read.Resource is { } r ? $" with {r.TypeName}/{r.Id}" : "")}.", read.Exchange, requirement);
    }

    [Test]
    [Check("OIDC-05", "An id_token returned on refresh keeps the original iss, sub and aud",
        "OpenID Connect Core 1.0 §12.2", OidcSpec.RefreshTokenResponse)]
    [Requirement("OIDC-Core@12.2")]
    public async Task RefreshedIdToken_KeepsTheIdentity()
    {
        await RequireOpenIdAsync();
        if (OAuthEvidence.OfflineClient is null) { Skip("The profile has no client with offlineAccess, so there is nothing to refresh."); return; }
        var chain = await OAuthEvidence.Refreshes();
        var launch = RequireLaunch(chain.Launch, "TOK-11", l => l.Token is { Response.IsError: false });
        var (_, original) = RequireIdToken(launch);
        if (original is null) { Skip("The id_token is not a JWT; OIDC-01 reports it."); return; }
        if (chain.Plain is not { Response.IsError: false } plain) { Skip($"The refresh did not succeed ({chain.Problem ?? "error response"}); REF-01 reports it."); return; }
        Uses(plain.Exchange);
        if (plain.Response.IdentityToken is not { Length: > 0 } raw) return;  // an id_token on refresh is optional
        const string requirement = "an id_token issued on refresh has the same iss, sub and aud as the id_token of the original authentication";
        if (Parse(raw) is not { } refreshed) { Fail("The id_token returned on refresh is not a JWT.", plain.Exchange, requirement); return; }
        var changes = new List<string>();
        if (refreshed.Issuer != original.Issuer) changes.Add($"iss \"{original.Issuer}\" became \"{refreshed.Issuer}\"");
        if (Claim(refreshed, "sub") != Claim(original, "sub")) changes.Add($"sub \"{Claim(original, "sub")}\" became \"{Claim(refreshed, "sub")}\"");
        if (!refreshed.Audiences.Order().SequenceEqual(original.Audiences.Order()))
            changes.Add($"aud [{string.Join(", ", original.Audiences)}] became [{string.Join(", ", refreshed.Audiences)}]");
        if (changes.Count > 0) Fail("The id_token returned on refresh names another identity: " + string.Join("; ", changes) + ".", plain.Exchange, requirement);
    }

    // A reference's base, type and id: absolute (any base) or relative to the FHIR base the app launched against.
    private static (Uri Base, string Type, string Id)? Locate(string reference)
    {
        if (Uri.TryCreate(reference, UriKind.Absolute, out var url))
        {
            if (url.Scheme is not ("http" or "https")) return null;
            var segments = url.AbsolutePath.Trim('/').Split('/');
            if (segments.Length < 2 || segments[^1].Length == 0) return null;
            var basePath = string.Join('/', segments[..^2]);
            return (new Uri(url.GetLeftPart(UriPartial.Authority) + "/" + basePath), segments[^2], segments[^1]);
        }
        return reference.Split('/') is [var type, { Length: > 0 } id] ? (Session.FhirBaseUrl, type, id) : null;
    }
}
