using System.Text.Json;
using FluentAssertions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NUnit.Framework;
using SmartConformance.Harness.Backend;
using SmartConformance.Harness.Evidence;
using SmartConformance.Harness.Profiles;
using SmartConformance.SelfTests.Support;

namespace SmartConformance.SelfTests.Harness;

public sealed class ClientAssertionTests
{
    private static readonly Uri TokenEndpoint = new("https://server.example/token");
    private static readonly BackendServicesProfile Backend = ProfileLoader.Load(RepoPaths.Profile("reference.json")).Profile.BackendServices!;

    [Test]
    public void The_reference_profile_has_an_RS384_and_an_ES384_backend_key_whose_private_parts_are_secrets()
    {
        var profile = ProfileLoader.Load(RepoPaths.Profile("reference.json")).Profile;
        profile.BackendServices!.Keys.Select(k => ClientAssertion.AlgorithmOf(ClientAssertion.ParseKey(k))).Should().BeEquivalentTo(["RS384", "ES384"]);
        foreach (var key in profile.BackendServices.Keys)
            profile.Secrets.Should().Contain(key.GetProperty("d").GetString()!);
    }

    [TestCase(0), TestCase(1)]
    public async Task A_valid_assertion_is_a_SMART_client_assertion_that_verifies_with_the_public_key(int keyIndex)
    {
        var jwk = Backend.Keys[keyIndex];
        var assertion = ClientAssertion.Create(jwk, "client-1", TokenEndpoint);

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(assertion, new TokenValidationParameters
        {
            ValidIssuer = "client-1", ValidAudience = TokenEndpoint.AbsoluteUri, IssuerSigningKey = PublicHalf(jwk),
        });
        result.IsValid.Should().BeTrue(result.Exception?.Message);
        var token = (JsonWebToken)result.SecurityToken;
        token.Typ.Should().Be("JWT");
        token.Subject.Should().Be("client-1");
        token.Kid.Should().Be(jwk.GetProperty("kid").GetString());
        token.Id.Should().NotBeNullOrEmpty();
        token.ValidTo.Should().BeAfter(DateTime.UtcNow).And.BeBefore(DateTime.UtcNow.AddMinutes(5));
    }

    [Test]
    public void Variants_break_exactly_what_they_say()
    {
        var jwk = Backend.Keys[0];
        var handler = new JsonWebTokenHandler();
        handler.ReadJsonWebToken(ClientAssertion.Create(jwk, "c", TokenEndpoint, new() { OmitJti = true })).Id.Should().BeEmpty();
        handler.ReadJsonWebToken(ClientAssertion.Create(jwk, "c", TokenEndpoint, new() { KeyId = "other" })).Kid.Should().Be("other");
        handler.ReadJsonWebToken(ClientAssertion.Create(jwk, "c", TokenEndpoint, new() { ExpiresIn = TimeSpan.FromMinutes(-10) })).ValidTo.Should().BeBefore(DateTime.UtcNow);
        var unsigned = ClientAssertion.Create(jwk, "c", TokenEndpoint, new() { AlgNone = true });
        unsigned.Should().EndWith(".");
        handler.ReadJsonWebToken(unsigned).Alg.Should().Be("none");
    }

    [Test]
    public void A_client_assertion_sent_in_a_form_is_redacted_to_its_header_and_claims()
    {
        var assertion = ClientAssertion.Create(Backend.Keys[1], "client-1", TokenEndpoint);
        var redactor = new Redactor();
        redactor.Add(assertion, "client_assertion");
        var redacted = redactor.Apply($"grant_type=client_credentials&client_assertion={assertion}")!;
        redacted.Should().NotContain(assertion.Split('.')[2]).And.Contain(assertion.Split('.')[1]);
    }

    private static JsonWebKey PublicHalf(JsonElement jwk)
    {
        var members = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(jwk.GetRawText())!
            .Where(m => m.Key is not ("d" or "p" or "q" or "dp" or "dq" or "qi"))
            .ToDictionary(m => m.Key, m => m.Value);
        return new JsonWebKey(JsonSerializer.Serialize(members));
    }
}
