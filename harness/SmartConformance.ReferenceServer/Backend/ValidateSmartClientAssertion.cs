using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using SmartConformance.ReferenceServer.Hosting;
using SmartConformance.ReferenceServer.OAuth;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace SmartConformance.ReferenceServer.Backend;

/// <summary>
/// Validates a SMART client assertion (private_key_jwt) in place of OpenIddict's own validation, which in 7.x accepts only
/// draft-ietf-oauth-rfc7523bis assertions (typ client-authentication+jwt, aud = issuer) and so refuses SMART's (typ JWT,
/// aud = token endpoint URL); see openiddict-core#2539. Checks, per SMART client-confidential-asymmetric: alg RS384/ES384,
/// iss = sub = a known client_id, exactly one registered key with the header's kid and matching kty, the signature,
/// aud = token endpoint, exp in the future and at most five minutes ahead, a jti never seen for that client while
/// valid. Every failure is invalid_client.
/// </summary>
internal sealed class ValidateSmartClientAssertion(
    IOpenIddictApplicationManager applications, AssertionReplayCache replays, BackendPolicy policy, ServerUrls urls)
    : IOpenIddictServerHandler<ProcessAuthenticationContext>
{
    private static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(10);
    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha384, SecurityAlgorithms.EcdsaSha384];

    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessAuthenticationContext>()
            .AddFilter<OpenIddictServerHandlerFilters.RequireClientAssertionValidated>()
            .UseScopedHandler<ValidateSmartClientAssertion>()
            .SetOrder(OpenIddictServerHandlers.ValidateClientAssertion.Descriptor.Order)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    /// <summary>OpenIddict's assertion handlers this one replaces (their failures are invalid_grant, not invalid_client).</summary>
    public static IEnumerable<OpenIddictServerHandlerDescriptor> Replaced =>
    [
        OpenIddictServerHandlers.ValidateClientAssertion.Descriptor,
        OpenIddictServerHandlers.ValidateClientAssertionWellknownClaims.Descriptor,
        OpenIddictServerHandlers.ValidateClientAssertionIssuer.Descriptor,
    ];

    public async ValueTask HandleAsync(ProcessAuthenticationContext context)
    {
        if (string.IsNullOrEmpty(context.ClientAssertion))
        {
            return;
        }

        var (principal, problem) = await ValidateAsync(context.ClientAssertion, context.ClientId);
        if (principal is null)
        {
            context.Reject(Errors.InvalidClient, $"The client assertion is not valid: {problem}");
            return;
        }

        context.ClientAssertionPrincipal = principal;
        context.Request.ClientId ??= principal.GetClaim(Claims.Issuer);
    }

    private async Task<(ClaimsPrincipal? Principal, string? Problem)> ValidateAsync(string assertion, string? clientId)
    {
        var handler = new JsonWebTokenHandler();
        if (!handler.CanReadToken(assertion))
        {
            return (null, "it is not a JWT.");
        }
        var jwt = handler.ReadJsonWebToken(assertion);
        if (!Algorithms.Contains(jwt.Alg))
        {
            return (null, "alg is not RS384 or ES384.");
        }
        if (string.IsNullOrEmpty(jwt.Issuer) || jwt.Issuer != jwt.Subject)
        {
            return (null, "iss and sub must both be the client_id.");
        }
        if (clientId is not null && clientId != jwt.Issuer)
        {
            return (null, "iss is not the client_id of the request.");
        }
        if (await applications.FindByClientIdAsync(jwt.Issuer) is not { } application)
        {
            return (null, "the client_id in iss is not registered.");
        }
        var keys = (await applications.GetJsonWebKeySetAsync(application))?.Keys
            .Where(key => key.Kid == jwt.Kid && key.Kty == (jwt.Alg.StartsWith("RS", StringComparison.Ordinal) ? "RSA" : "EC"))
            .ToList() ?? [];
        if (keys.Count != 1)
        {
            return (null, "no single registered key matches the kid and key type.");
        }
        if (string.IsNullOrEmpty(jwt.Id))
        {
            return (null, "jti is missing.");
        }
        var now = DateTime.UtcNow;
        if (!jwt.TryGetPayloadValue<long>(JwtRegisteredClaimNames.Exp, out _) || jwt.ValidTo > now + MaxLifetime + ClockSkew)
        {
            return (null, "exp must be present and at most five minutes in the future.");
        }

        var result = await handler.ValidateTokenAsync(assertion, Parameters(jwt.Issuer, keys[0]));
        if (!result.IsValid)
        {
            return (null, Describe(result.Exception));
        }
        if (policy.RejectReplayedJti && !replays.TryRecord(jwt.Issuer, jwt.Id, jwt.ValidTo))
        {
            return (null, "the jti was already used.");
        }
        return (new ClaimsPrincipal(result.ClaimsIdentity), null);
    }

    // error_description allows only a restricted ASCII set (no quotes), so IdentityModel's messages are not passed on.
    private static string Describe(Exception? failure) => failure switch
    {
        SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException => "the signature does not verify with the registered key.",
        SecurityTokenInvalidAudienceException => "aud is not the token endpoint URL.",
        SecurityTokenExpiredException => "exp has passed.",
        SecurityTokenInvalidAlgorithmException => "the algorithm is not allowed.",
        SecurityTokenNoExpirationException => "exp is missing.",
        _ => "it failed validation.",
    };

    private TokenValidationParameters Parameters(string issuer, JsonWebKey key)
    {
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = issuer,
            ValidAudience = urls.Absolute(OpenIddictRegistration.TokenPath),
            ValidateAudience = policy.CheckAssertionAudience,
            ValidateLifetime = policy.RejectExpiredAssertions,
            RequireExpirationTime = true,
            ClockSkew = ClockSkew,
            IssuerSigningKey = key,
            ValidAlgorithms = Algorithms,
            TryAllIssuerSigningKeys = false,
        };
        if (!policy.VerifyAssertionSignature)
        {
            parameters.SignatureValidator = (token, _) => new JsonWebToken(token);
        }
        return parameters;
    }
}
