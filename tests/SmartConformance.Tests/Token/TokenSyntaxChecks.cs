using NUnit.Framework;
using SmartConformance.Harness.Smart;
using SmartConformance.Tests.Framework;

namespace SmartConformance.Tests.Token;

[CheckGroup("Token endpoint")]
public sealed class TokenSyntaxChecks : ConformanceFixture
{
    // A common limit on one request header line is 8 KB; leave room for "Authorization: Bearer " and the rest.
    private const int HeaderFriendlyLength = 7 * 1024;

    [Test]
    [Check("TOK-12", "Access tokens use the b64token characters, refresh tokens visible ASCII, tokens fit in a header, and a refresh brings a new access token",
        "RFC 6750 §2.1; RFC 6749 Appendix A.12 and A.17; SMART App Launch 2.2 access token response", "https://www.rfc-editor.org/rfc/rfc6750#section-2.1")]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@85"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@134"),
     Requirement("RFC6750@2.1")]
    // RFC 6750 §2.1: b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="; RFC 6749 Appendix A: VSCHAR = %x20-7E.
    public async Task Tokens_UseAllowedCharacters()
    {
        var launch = RequireLaunch(await Session.StandalonePatientLaunchAsync(), "TOK-01", l => l.Token is { Response.IsError: false });
        var calls = new List<(string What, TokenCall Call)> { ("the standalone launch's token response", launch.Token!) };
        var chain = OAuthEvidence.OfflineClient is null ? null : await OAuthEvidence.Refreshes();
        if (chain?.Launch.Token is { Response.IsError: false } offline) calls.Add(("the offline launch's token response", offline));
        if (chain?.Plain is { Response.IsError: false } refreshed) calls.Add(("the refresh response", refreshed));
        Uses([.. calls.Select(c => c.Call.Exchange)]);

        const string requirement = "an access token is 1*b64token characters (ALPHA DIGIT - . _ ~ + / then = padding) so it can travel as a Bearer credential, and a refresh token is 1*VSCHAR (visible ASCII and space)";
        foreach (var (what, call) in calls)
        {
            if (call.Response.AccessToken is { Length: > 0 } access && !IsB64Token(access))
            {
                Fail($"The access_token of {what} has characters a Bearer credential cannot carry: {Offending(access, IsB64TokenCharacter)}.", call.Exchange, requirement);
                return;
            }
            if (call.Response.RefreshToken is { Length: > 0 } refresh && !refresh.All(IsVisibleAscii))
            {
                Fail($"The refresh_token of {what} has characters outside visible ASCII: {Offending(refresh, IsVisibleAscii)}.", call.Exchange, requirement);
                return;
            }
        }
        if (chain is { Launch.Token.Response.AccessToken: { } before, Plain.Response: { IsError: false, AccessToken: { } after } } && before == after)
        {
            Fail("The refresh response returned the very access token the launch had issued; a refresh issues a new one.", chain.Plain.Exchange,
                "a refresh answers with a new access token (RFC 6749 §6)");
            return;
        }
        if (calls.FirstOrDefault(c => c.Call.Response.AccessToken?.Length > HeaderFriendlyLength) is { Call: not null } large)
            Assert.Warn($"The access_token of {large.What} is {large.Call.Response.AccessToken!.Length} characters long; SMART asks servers to keep tokens small enough for HTTP headers (many servers and proxies cap a header at 8 KB).");
    }

    private static bool IsB64TokenCharacter(char c) => char.IsAsciiLetterOrDigit(c) || "-._~+/=".Contains(c);

    // One or more b64token characters, then only "=" padding.
    private static bool IsB64Token(string token) =>
        token.All(IsB64TokenCharacter) && token.TrimEnd('=').Length > 0 && !token.TrimEnd('=').Contains('=');

    private static bool IsVisibleAscii(char c) => c is >= '\x20' and <= '\x7E';

    private static string Offending(string token, Func<char, bool> allowed)
    {
        var wrong = token.Where(c => !allowed(c)).Distinct().Take(5).Select(c => $"U+{(int)c:X4}").ToList();
        return wrong.Count > 0 ? string.Join(", ", wrong) : "\"=\" padding before the end";
    }
}
