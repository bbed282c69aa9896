using System.Text.Json;
using Duende.IdentityModel;
using NUnit.Framework;
using SmartConformance.Harness.Backend;
using SmartConformance.Harness.Smart;
using SmartConformance.Tests.Backend;
using SmartConformance.Tests.Framework;

namespace SmartConformance.Tests.Introspection;

[CheckGroup("Token introspection")]
public sealed class BearerIntrospectionChecks : ConformanceFixture
{
    [Test]
    [Check("INT-06", "A caller authorized by an appropriately-scoped SMART bearer token can introspect another client's token; a made-up bearer is refused",
        "SMART App Launch 2.2 Token Introspection: authorization to perform token introspection; RFC 7662 §2.1", Spec.Smart + "token-introspection.html#authorization-to-perform-token-introspection")]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@282"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@283"), Requirement("RFC7662@2.1")]
    public async Task BearerAuthorizedIntrospection_IsAccepted()
    {
        var endpoint = await TokenEvidence.AdvertisedEndpointAsync(Session, "introspection_endpoint");
        if (Session.Profile.Introspection?.Bearer is not { } bearer)
        {
            Skip("The profile names no introspection.bearer (the scope the server requires of a SMART bearer token at its introspection endpoint), so bearer-authorized introspection is not tested.");
            return;
        }
        if (await BackendEvidence.PrerequisitesAsync(Skip) is not var (backend, tokenEndpoint)) return;

        var assertion = ClientAssertion.Create(backend.Keys[0], backend.ClientId, tokenEndpoint);
        var grant = await BackendTokenRequest.SendAsync(Session.Http, tokenEndpoint, "introspection-bearer-token", bearer.Scope, assertion, Session.Stopping);
        Uses(grant.Exchange);
        if (grant.StringMember("access_token") is not { } bearerToken)
        {
            Skip($"Prerequisite missing: the backend client {backend.ClientId} asked for introspection.bearer.scope \"{bearer.Scope}\" and got {grant.Status?.ToString() ?? grant.Problem} without an access token ({grant.Error ?? "no error code"}); BSV-01 judges backend token requests.");
            return;
        }

        var launch = RequireLaunch(await Session.StandalonePatientLaunchAsync(), "TOK-01", l => l.AccessToken is not null);
        var issuedTo = launch.Request!.ClientId;
        var introspection = await OAuthFormPost.SendAsync(Session.Http, endpoint, "introspect-with-bearer", [new("token", launch.AccessToken!)],
            client: null, Session.Stopping, bearerToken);
        const string requirement = "a protected introspection endpoint SHALL let a caller authenticate with an appropriately-scoped SMART App or Backend Service bearer token in the Authorization header, and such a caller can introspect tokens issued to any client (active:true with scope, client_id and exp)";
        if (introspection.Status != 200 || introspection.Json is not { } json)
        {
            Fail($"Introspecting the standalone launch's active access token (issued to {issuedTo}) with only \"Authorization: Bearer <token of {backend.ClientId} with scope {bearer.Scope}>\" answered {introspection.Status?.ToString() ?? introspection.Problem}{(introspection.Error is { } error ? $" ({error})" : "")}.",
                introspection.Exchange, requirement);
            return;
        }
        var token = launch.Token!.Response.Json!.Value;
        var problems = IntrospectionFields.RequiredProblems(json, token, issuedTo);
        if (IntrospectionFields.String(token, "patient") is { } patient && IntrospectionFields.String(json, "patient") != patient)
            problems.Add($"patient is {IntrospectionFields.Show(json, "patient")}, but the token response carried \"{patient}\"");
        if (problems.Count > 0)
        {
            Fail($"Introspecting the standalone launch's active access token (issued to {issuedTo}) with {backend.ClientId}'s bearer token answered 200, but " + string.Join("; ", problems) + ".",
                introspection.Exchange, requirement);
            return;
        }
        Uses(introspection.Exchange);

        var madeUp = await OAuthFormPost.SendAsync(Session.Http, endpoint, "introspect-with-made-up-bearer", [new("token", launch.AccessToken!)],
            client: null, Session.Stopping, "not-a-token-" + CryptoRandom.CreateUniqueId(16));
        const string refusal = "the introspection endpoint requires authorization (RFC 7662 §2.1, against token scanning): a bearer token the server never issued authorizes nothing and is refused with 401";
        switch (madeUp.Status)
        {
            case 401:
                Uses(madeUp.Exchange);
                return;
            case >= 200 and < 300 when madeUp.Active == false && madeUp.Json!.Value.EnumerateObject().Count() == 1:
                Uses(madeUp.Exchange);
                Assert.Warn("The introspection endpoint answered a made-up bearer token with 200 {\"active\": false} for an active token. Nothing leaked, but RFC 7662 §2.1 expects the caller to be refused with 401.");
                return;
            case 400 or 403:
                Uses(madeUp.Exchange);
                Assert.Warn($"The introspection endpoint refused a made-up bearer token with {madeUp.Status}; RFC 6750 §3.1 (invalid_token) and RFC 7662 §2.1 call for 401.");
                return;
            default:
                Fail($"Introspecting an active access token with a made-up bearer token (\"Authorization: Bearer not-a-token-...\", no client authentication) answered {madeUp.Status?.ToString() ?? madeUp.Problem}{(madeUp.Active is { } active ? $" with active:{active.ToString().ToLowerInvariant()}" : "")}.",
                    madeUp.Exchange, refusal);
                return;
        }
    }
}
