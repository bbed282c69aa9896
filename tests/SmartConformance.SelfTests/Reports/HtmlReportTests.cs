using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using FluentAssertions;
using NUnit.Framework;
using SmartConformance.Reports;
using SmartConformance.Reports.Model;

namespace SmartConformance.SelfTests.Reports;

public sealed class HtmlReportTests
{
    private static readonly string Html = HtmlReportWriter.Render(SampleReports.Create());

    [Test]
    public void Page_is_self_contained()
    {
        var specUrls = SampleReports.Create().Checks.Select(c => c.Spec.Url).ToHashSet();

        Html.Should().NotContainAny("<link rel=\"stylesheet\"", "<script src", "@import", "url(");
        foreach (Match tag in Regex.Matches(Html, "<(?<tag>[a-z]+)\\b[^>]*>"))
        {
            foreach (Match attribute in Regex.Matches(tag.Value, "\\b(?<name>src|href|srcset|action|poster|data)=\"(?<value>[^\"]*)\""))
            {
                var value = attribute.Groups["value"].Value;
                if (!Regex.IsMatch(value, "^(https?:)?//", RegexOptions.IgnoreCase))
                    continue;
                tag.Groups["tag"].Value.Should().Be("a", $"only links may point off the page, but {tag.Value} does");
                specUrls.Should().Contain(System.Net.WebUtility.HtmlDecode(value), "the only outside links are spec references");
            }
        }
    }

    [Test]
    public void Only_the_page_script_may_run()
    {
        var scripts = Regex.Matches(Html, "<script>(.*?)</script>", RegexOptions.Singleline);
        scripts.Should().HaveCount(1);
        Regex.Matches(Html, "<script", RegexOptions.IgnoreCase).Should().HaveCount(1);

        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(scripts[0].Groups[1].Value)));
        Html.Should().Contain($"script-src 'sha256-{hash}';", "the Content-Security-Policy allows exactly the page's own script");
    }

    [Test]
    public void Hostile_bodies_are_escaped()
    {
        Html.Should().NotContain("<script>alert").And.NotContain("<img src=x");
        Html.Should().Contain("&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;");
    }

    [Test]
    public void Hostile_values_everywhere_are_escaped()
    {
        const string evil = "\"><script>alert(1)</script>";
        var report = SampleReports.Create();
        var check = report.Checks[2] with
        {
            Id = "X" + evil,
            Title = evil,
            Group = evil,
            Message = evil,
            Requirements = [evil],
            Spec = new SpecReference(evil, "javascript:alert(1)"),
            Artifacts = [new ArtifactReport(evil, "https://evil.example/x.png", "screenshot"), new ArtifactReport(evil, "../../etc/passwd", "trace")],
        };
        report = report with
        {
            Checks = [check],
            Notices = [evil],
            Target = report.Target with { FhirBaseUrl = evil, Profile = evil, Faults = [evil] },
        };

        var html = HtmlReportWriter.Render(report);

        Regex.Matches(html, "<script", RegexOptions.IgnoreCase).Should().HaveCount(1);
        html.Should().NotContain("href=\"javascript:").And.NotContain("evil.example/x.png\"").And.NotContain("href=\"../");
        html.Should().Contain("https://evil.example/x.png", "a path outside the report folder is shown as text");
    }

    [Test]
    public void Every_check_has_an_anchor_with_its_id()
    {
        foreach (var check in SampleReports.Create().Checks)
        {
            Regex.Matches(Html, $"\\bid=\"{Regex.Escape(check.Id)}\"").Should().HaveCount(1, check.Id);
            Html.Should().Contain($"href=\"#{check.Id}\"");
        }
    }

    [Test]
    public void Jwt_claims_are_decoded_beside_the_raw_value()
    {
        SampleReports.Create().Checks.SelectMany(c => c.Exchanges).Select(e => e.ResponseBody + e.RequestBody + string.Join(" ", e.RequestHeaders.Values))
            .Should().NotContain(t => t.Contains(SampleReports.PatientClaim), "the claim is only inside the token");

        Html.Should().Contain($"&quot;patient&quot;: &quot;{SampleReports.PatientClaim}&quot;");
        Html.Should().Contain("&quot;alg&quot;: &quot;RS256&quot;");
        Html.Should().Contain(SampleReports.Jwt, "the raw value is shown too");
        Html.Should().Contain("exp: 2026-01-01 00:00:00 UTC");
    }

    [Test]
    public void Summary_groups_verdict_badges_and_meta_are_shown()
    {
        Html.Should().Contain("<h1>SmartConformance report</h1>")
            .And.Contain(SampleReports.FhirBase)
            .And.Contain("generic")
            .And.Contain("2025-03-04 13:40:05 UTC")
            .And.Contain("12.3 s")
            .And.Contain("reuse-code")
            .And.Contain("The redirect URI uses plain http (localhost).");
        foreach (var verdict in new[] { "pass", "fail", "error", "warn", "skip" })
            Html.Should().Contain($"class=\"badge v-{verdict}\"");
        Html.Should().Contain("<option value=\"EHR launch\">").And.Contain("id=\"sc-search\"");
        Regex.Matches(Html, "class=\"rate\"").Should().HaveCount(3, "one pass-rate bar per group");
        Html.Should().Contain("2/2 passed (100%)").And.Contain("0/2 passed (0%)").And.Contain("all skipped");
    }

    [Test]
    public void Exchanges_show_method_status_error_headers_and_pretty_json()
    {
        Html.Should().Contain("<details class=\"exchanges\"><summary>2 HTTP exchanges</summary>");
        Html.Should().Contain("<span class=\"status s4\">401</span>");
        Html.Should().Contain("No response: Connection refused (ehr.example.org:443)");
        Html.Should().Contain("<th>Authorization</th>");
        Html.Should().Contain("{\n  &quot;issuer&quot;: &quot;https://ehr.example.org&quot;,", "JSON bodies are pretty-printed");
        Html.Should().Contain($"(body cut at {Encoding.UTF8.GetByteCount(SampleReports.HostileBody)} bytes)");
    }

    [Test]
    public void Artifacts_show_screenshots_as_thumbnails_and_other_files_as_links()
    {
        Html.Should().Contain("<a href=\"screenshots/TOK-01%20after.png\" target=\"_blank\"><img src=\"screenshots/TOK-01%20after.png\"");
        Html.Should().Contain("trace: <a href=\"traces/TOK-01.zip\">Browser trace</a>");
    }

    [Test]
    public void Big_bodies_are_cut_with_a_note()
    {
        var report = SampleReports.Create();
        var big = new string('a', 300_000) + "THE-END";
        var exchange = report.Checks[0].Exchanges[0] with { ResponseBody = big, ResponseHeaders = new Dictionary<string, string>() };
        report = report with { Checks = [report.Checks[0] with { Exchanges = [exchange] }] };

        var html = HtmlReportWriter.Render(report);

        html.Should().NotContain("THE-END").And.Contain("(body shown cut at 200 KB of 300007 bytes");
        html.Length.Should().BeLessThan(260_000);
    }

    [Test]
    public void A_run_without_checks_still_renders()
    {
        var report = SampleReports.Create() with { Checks = [], Summary = new RunSummary(0, 0, 0, 0, 0), Notices = [] };

        var html = HtmlReportWriter.Render(report);

        html.Should().Contain("No checks were run.").And.NotContain("class=\"notices");
    }
}

/// <summary>Files beside the report: a file that was never saved is shown, never loaded; run-level traces are linked in the header.</summary>
public sealed class HtmlArtifactTests
{
    [Test]
    public void A_missing_artifact_is_text_and_neither_an_image_nor_a_link()
    {
        var report = SampleReports.Create();
        var check = report.Checks[0] with
        {
            Artifacts = [new ArtifactReport("where the browser stopped (no screenshot: page crashed)", "artifacts/launch-004.png", "missing")],
        };

        var html = HtmlReportWriter.Render(report with { Checks = [check] });

        html.Should().NotContain("launch-004.png", "the page must not try to load a file that does not exist");
        html.Should().Contain("<span class=\"missing\">where the browser stopped (no screenshot: page crashed) (no file)</span>");
    }

    [Test]
    public void Run_level_traces_are_linked_in_the_header()
    {
        var report = SampleReports.Create() with { Artifacts = [new ArtifactReport("Playwright trace: standalone-patient", "artifacts/standalone-patient-trace.zip", "trace")] };

        var html = HtmlReportWriter.Render(report);

        html.Should().Contain("<dt>Run files</dt><dd><ul class=\"files run-files\"><li>trace: <a href=\"artifacts/standalone-patient-trace.zip\">Playwright trace: standalone-patient</a></li></ul></dd>");
    }
}
