using NUnit.Framework;
using SmartConformance.Tests.Framework;
using SmartConformance.Tests.Token;

namespace SmartConformance.Tests.Authorization;

/// <summary>What an authorization endpoint must tolerate: parameters it does not know, and scopes in any order.</summary>
[CheckGroup("Authorization")]
public sealed class ExtraParameterChecks : ConformanceFixture
{
    [Test]
    [Check("AUTHZ-08", "An authorization request with an unknown extra parameter and its scopes in another order still returns a code and the same state, and the code redeems",
        "RFC 6749 §3.1 and §3.3", "https://www.rfc-editor.org/rfc/rfc6749#section-3.1")]
    [Requirement("RFC6749@3.1"), Requirement("RFC6749@3.3")]
    public async Task UnknownParameterAndScopeOrder_AreIgnored()
    {
        var launch = await AuthorizationEvidence.ExtraParameterLaunch();
        Uses(launch.BrowserTraffic.ToArray());
        Uses(launch.Token?.Exchange);
        Uses(launch.Artifacts);
        var sent = $"an authorization request with the unknown parameter {AuthorizationEvidence.ExtraParameter}=ignore-me and scope \"{launch.Request?.Scope}\" " +
                   $"(the profile's scopes in reverse order)";
        const string requirement = "the authorization server ignores request parameters it does not recognise (RFC 6749 §3.1), and the order of the " +
                                   "space-separated scope values does not matter (§3.3): the request gets a code and the state it sent, and the code redeems";
        var evidence = launch.BrowserTraffic.LastOrDefault();

        if (launch.Redirect is { Error: { } error } refused)
            Fail($"{Capitalised(sent)} was refused with error={error}{(refused.ErrorDescription is null ? "" : $" ({refused.ErrorDescription})")}.", evidence, requirement);
        if (launch.Redirect is null)
        {
            // The same launch without the extra parameter is the control: when it works, the difference is the server's doing.
            var control = RequireLaunch(await Session.StandalonePatientLaunchAsync(), "AUTHZ-01", l => l.Redirect?.Code is not null);
            Fail($"{Capitalised(sent)} never came back to the redirect URI ({launch.Problem ?? "no detail"}), while the same launch without them did " +
                 $"(code at {control.Redirect!.Url.GetLeftPart(UriPartial.Path)}).", evidence, requirement);
        }
        var redirect = launch.Redirect!;
        if (string.IsNullOrEmpty(redirect.Code))
            Fail($"{Capitalised(sent)} came back without a code: {redirect.Url}.", evidence, requirement);
        if (redirect.State != launch.Request!.State)
            Fail($"{Capitalised(sent)} came back with state \"{redirect.State ?? "(none)"}\" instead of \"{launch.Request.State}\".", evidence, requirement);
        if (launch.Token is not { } token || token.Response.IsError)
            Fail($"The code returned for {sent} could not be redeemed ({(launch.Token is null ? launch.Problem : OAuthEvidence.Describe(launch.Token))}).",
                launch.Token?.Exchange ?? evidence, requirement);
    }

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
