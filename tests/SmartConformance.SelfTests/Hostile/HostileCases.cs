using System.Text.Json.Nodes;
using FluentAssertions;
using SmartConformance.Reports.Model;

namespace SmartConformance.SelfTests.Hostile;

/// <summary>The hostile matrix: each behaviour with the verdicts and message fragments it must produce.</summary>
public static class HostileCases
{
    private const string Fail = Verdicts.Fail, Pass = Verdicts.Pass, Error = Verdicts.Error, Skip = Verdicts.Skip;

    /// <summary>The launch stops at discovery, so the checks that need it skip and say which check reports why.</summary>
    private static readonly Expect LaunchSkipped = new Expect("AUTHZ-01", Skip, "DISC-02");

    /// <summary>The forms a secret can leak in: raw, URL-encoded, base64.</summary>
    public static IEnumerable<string> LeakForms(string secret) =>
        new[] { secret, Uri.EscapeDataString(secret), System.Net.WebUtility.UrlEncode(secret), Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(secret)) }.Distinct();

    public static IReadOnlyList<HostileCase> All { get; } =
    [
        new(Behaviours.Baseline, "the well-behaved baseline passes",
            new Expect("DISC-01", Pass), new Expect("DISC-02", Pass), new Expect("DISC-04", Pass), new Expect("CAPS-01", Pass),
            new Expect("AUTHZ-01", Pass), new Expect("TOK-01", Pass), new Expect("RS-10", Pass), new Expect("RS-01", Pass)),

        // Discovery: wrong shapes.
        new("discovery-html", "discovery returns an HTML page", new Expect("DISC-01", Fail, "not always served as JSON", "the Content-Type is text/html"), LaunchSkipped, new Expect("CAPS-01", Pass)),
        new("discovery-invalid-json", "discovery returns broken JSON", new Expect("DISC-01", Fail, "not JSON"), LaunchSkipped),
        new("discovery-json-array", "discovery returns a JSON array", new Expect("DISC-01", Fail, "Array, not an object"), LaunchSkipped),
        new("discovery-404", "discovery is not found", new Expect("DISC-01", Fail, "answered 404"), LaunchSkipped),
        new("discovery-500", "discovery fails with 500", new Expect("DISC-01", Fail, "answered 500", "NullReferenceException"), LaunchSkipped),
        new("discovery-empty-body", "discovery returns 200 with an empty body", new Expect("DISC-01", Fail, "empty body"), LaunchSkipped),
        new("discovery-no-content-type", "discovery has no Content-Type; everything else still runs",
            new Expect("DISC-01", Fail, "no Content-Type"), new Expect("DISC-02", Pass), new Expect("AUTHZ-01", Pass), new Expect("TOK-01", Pass)),
        new("discovery-wrong-content-type", "discovery is served as text/plain", new Expect("DISC-01", Fail, "text/plain"), new Expect("DISC-02", Pass)),

        // Discovery: size and time.
        new("discovery-30mb", "discovery returns a 30 MB body", new Expect("DISC-01", Fail, "cut at the size limit"), LaunchSkipped)
        {
            Then = run => run.Check("DISC-01").Exchanges.Should().Contain(e => e.ResponseBodyTruncated, "the report says the body was cut"),
        },
        // The size limit is what this case proves: a long HTTP timeout keeps a busy machine from turning it into a timeout.
        new("discovery-endless-body", "discovery's body never ends", new Expect("DISC-01", Fail, "cut at the size limit"), LaunchSkipped)
            { Profile = p => p["timeouts"]!["httpSeconds"] = 20 },
        new("discovery-trickle", "discovery's body trickles forever", new Expect("DISC-01", Fail, "no complete response within 2 s"), LaunchSkipped),
        new("discovery-hang", "discovery never starts to answer", new Expect("DISC-01", Fail, "no complete response within 2 s"), LaunchSkipped, new Expect("CAPS-01", Pass)),

        // Discovery: redirects. DISC-01 refuses any redirect; the shared discovery fetch follows same-origin ones, boundedly.
        new("discovery-redirect-loop", "discovery redirects in a loop",
            new Expect("DISC-01", Fail, "the server answered 302"), new Expect("DISC-02", Skip, "redirect loop", "loop-a"), LaunchSkipped),
        new("discovery-redirect-other-host", "discovery redirects to another host",
            new Expect("DISC-01", Fail, "the server answered 302"), new Expect("DISC-02", Skip, "another origin", "localhost"), LaunchSkipped),

        // Transport damage.
        new("gzip-not-gzip", "Content-Encoding gzip on a body that is not gzip", new Expect("DISC-01", Fail, "could not be decoded", "Content-Encoding"), LaunchSkipped),
        new("header-1mb", "a response header of 1 MB", new Expect("DISC-01", Fail, "headers length exceeded"), LaunchSkipped),
        new("reset-mid-body", "the connection is reset mid-body", new Expect("DISC-01", Fail, "connection broke", "Received: 200 application/json, empty body, then the body failed"), LaunchSkipped),
        new("not-http", "the port speaks something other than HTTP", new Expect("DISC-01", Fail, "invalid status line", "SSH-2.0"), new Expect("CAPS-01", Fail, "invalid status line"))
            { Transport = HostileTransport.NotHttp },

        // Load.
        new("discovery-429-then-ok", "discovery is throttled twice with Retry-After, then answers", new Expect("DISC-01", Pass), new Expect("AUTHZ-01", Pass))
        {
            Then = run => run.Report.Notices.Should().Contain(n => n.Contains("429") && n.Contains("every request then succeeded")),
        },
        new("discovery-429-forever", "discovery is always throttled", new Expect("DISC-01", Fail, "answered 429"), LaunchSkipped)
        {
            Then = run => run.Report.Notices.Should().Contain(n => n.Contains("429") && n.Contains("gave up") && n.Contains("still 429 after 2 retries")),
        },

        new("discovery-429-come-back-tomorrow", "discovery asks the suite to retry after a day", new Expect("DISC-01", Fail, "answered 429"), LaunchSkipped)
        {
            Then = run => run.Report.Notices.Should().Contain(n => n.Contains("Retry-After asked for 86400 s") && n.Contains("load.maxRetryAfterSeconds")),
        },

        // Token endpoint.
        new("token-200-error-body", "the token endpoint answers 200 with an error body", new Expect("TOK-01", Fail, "access_token is missing"), new Expect("AUTHZ-01", Pass)),
        new("token-in-query", "the token endpoint redirects with the token in the query string", new Expect("TOK-01", Fail, "302"), new Expect("AUTHZ-01", Pass))
        {
            Then = run =>
            {
                foreach (var form in LeakForms(Behaviours.QueryToken))
                    run.Outputs().Should().NotContain(o => o.Contains(form), "a token in a URL is still a token");
            },
        },
        new("token-expires-in-string", "expires_in is a string", new Expect("TOK-01", Fail, "expires_in is \"3600\"")),
        new("token-expires-in-negative", "expires_in is negative", new Expect("TOK-01", Fail, "expires_in is -5")),
        new("token-scope-missing", "the token response has no scope", new Expect("TOK-01", Fail, "scope is missing")),
        new("token-unknown-patient", "the token names a patient that does not exist", new Expect("TOK-01", Pass), new Expect("RS-10", Fail, "answered 404", "no-such-patient-404")),

        // Login and consent pages.
        new("login-never-redirects", "the consent page never redirects; the checks that do not need the launch still decide",
            new Expect("AUTHZ-01", Error, "no authorization response reached the redirect URI", "Screenshot"), new Expect("TOK-01", Error, "could not be completed"),
            new Expect("DISC-01", Pass), new Expect("CAPS-01", Pass), new Expect("RS-01", Pass)),
        new("login-wrong-redirect-uri", "the server redirects to a different redirect URI", new Expect("AUTHZ-01", Error, "/other-callback", "not the redirect_uri the launch sent")),
        new("login-error-without-state", "the server redirects with an error and no state", new Expect("AUTHZ-01", Fail, "error=access_denied"), new Expect("TOK-01", Skip)),
        new("login-alert-and-popup", "the pages raise alerts and open popups", new Expect("AUTHZ-01", Pass), new Expect("TOK-01", Pass), new Expect("RS-10", Pass)),
        new("login-keeps-loading", "the login page keeps loading forever", new Expect("AUTHZ-01", Error, "timed out"))
        {
            Then = run => run.Check("AUTHZ-01").Artifacts.Should().Contain(a => a.Title.Contains("where the browser stopped"), "a browser step that expires leaves a screenshot"),
        },

        // FHIR endpoint.
        new("fhir-not-fhir-json", "a FHIR read returns JSON that is not FHIR", new Expect("RS-10", Fail, "not a FHIR R4 JSON resource"), new Expect("RS-01", Pass)),
        new("fhir-operationoutcome-200", "a FHIR read returns an OperationOutcome with 200", new Expect("RS-10", Fail, "OperationOutcome, not a Patient")),
        new("fhir-bundle-10000", "a FHIR read returns a Bundle of 10,000 entries", new Expect("RS-10", Fail, "Bundle, not a Patient")),
        new("fhir-read-hangs", "a FHIR read never answers", new Expect("RS-10", Fail, "no complete response within 2 s"), new Expect("RS-01", Fail, "no complete response"), new Expect("TOK-01", Pass)),
        new("fhir-wrong-type", "a FHIR read returns a resource of the wrong type", new Expect("RS-10", Fail, "Observation, not a Patient")),

        // TLS.
        new(Behaviours.Baseline, "a self-signed certificate is refused with a clear error naming the host",
            new Expect("DISC-01", Fail, "not trusted", "127.0.0.1", "self-signed", "--insecure", "tls.caBundle"), new Expect("CAPS-01", Fail, "not trusted"), LaunchSkipped)
            { Transport = HostileTransport.Https },
        new(Behaviours.Baseline, "--insecure trusts it, in the suite and the browser, and the report says so first",
            new Expect("DISC-01", Pass), new Expect("CAPS-01", Pass), new Expect("AUTHZ-01", Pass), new Expect("TOK-01", Pass), new Expect("RS-10", Pass))
        {
            Transport = HostileTransport.Https,
            Options = o => o with { Insecure = true },
            Then = run =>
            {
                run.Report.Notices[0].Should().Contain("--insecure");
                run.Console.Split('\n')[0].Should().Contain("--insecure");
            },
        },
        new(Behaviours.Baseline, "a profile CA bundle trusts it, in the suite and the browser, and the report says so",
            new Expect("DISC-01", Pass), new Expect("CAPS-01", Pass), new Expect("AUTHZ-01", Pass), new Expect("TOK-01", Pass))
        {
            Transport = HostileTransport.Https,
            Profile = p => p["tls"] = new JsonObject { ["caBundle"] = HostileFixture.ServerAsync().Result.CaBundlePath },
            Then = run => run.Report.Notices[0].Should().Contain("tls.caBundle").And.Contain("hostile test server"),
        },
    ];
}
