using System.Text.Json;
using FluentAssertions;
using Microsoft.Playwright;
using NUnit.Framework;
using SmartConformance.Cli.Running;
using SmartConformance.Harness.Browser;
using SmartConformance.Harness.Session;
using SmartConformance.Reports;
using SmartConformance.Reports.Json;
using SmartConformance.Reports.Model;
using SmartConformance.SelfTests.Support;

namespace SmartConformance.SelfTests.Reports;

/// <summary>
/// report.html as a person sees it: a real report from an in-process run against the reference server, opened from
/// disk in Chromium. The page must load with no console error, show the counts of report.json, filter, and open a
/// check's exchanges.
/// </summary>
[NonParallelizable]
public sealed class HtmlReportBrowserTests
{
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private string _reportDir = "";
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    [OneTimeSetUp]
    public async Task RunTheSuiteAndStartABrowser()
    {
        // Screenshots after every browser step (run --screenshots steps), so the page has thumbnails to show for launches that passed.
        var reportDir = RepoPaths.NewTempDirectory("html-browser");
        var console = new StringWriter();
        var options = new RunOptions
        {
            ProfilePath = RepoPaths.Profile("reference.json"), ReportDirectory = reportDir, Faults = ["discovery.drop-s256"], Screenshots = ScreenshotPolicy.Steps,
        };
        var result = await SuiteRunner.RunAsync(options, filter: null, console);
        result.Report.Should().NotBeNull(console.ToString());
        _reportDir = reportDir;
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserLocator.Locate(null), Headless = true, Args = ChromiumArgs, Timeout = 60_000,
        });
    }

    [OneTimeTearDown]
    public async Task StopTheBrowser()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
    }

    private sealed record OpenPage(IPage Page, List<string> Problems);

    private async Task<OpenPage> OpenAsync(string file, string fragment = "")
    {
        var page = await _browser!.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) => { if (message.Type is "error" or "warning") problems.Add($"console {message.Type}: {message.Text}"); };
        page.PageError += (_, error) => problems.Add("page error: " + error);
        page.RequestFailed += (_, request) => problems.Add($"request failed: {request.Url} {request.Failure}");
        await page.GotoAsync(new Uri(Path.Combine(_reportDir, file)) + fragment, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        return new OpenPage(page, problems);
    }

    [Test]
    public async Task The_page_loads_without_console_errors_shows_the_counts_of_report_json_and_its_screenshots()
    {
        var report = JsonReportReader.Read(Path.Combine(_reportDir, JsonReportWriter.FileName));
        var (page, problems) = await OpenAsync(HtmlReportWriter.FileName);

        foreach (var (verdict, count) in new[] { ("", report.Checks.Count), ("pass", report.Summary.Passed), ("fail", report.Summary.Failed),
                     ("error", report.Summary.Errors), ("warn", report.Summary.Warnings), ("skip", report.Summary.Skipped) })
            (await page.Locator($".tiles [data-verdict-filter=\"{verdict}\"] b").InnerTextAsync()).Should().Be(count.ToString(), $"the {verdict} tile");
        report.Summary.Failed.Should().BeGreaterThan(0, "the run had a fault on");
        (await page.Locator("#sc-count").InnerTextAsync()).Should().Be($"{report.Checks.Count} checks");

        var images = page.Locator(".shots img");
        (await images.CountAsync()).Should().BeGreaterThan(0, "the launch's browser steps have screenshots");
        foreach (var image in await images.AllAsync())
        {
            await image.ScrollIntoViewIfNeededAsync();
            await page.WaitForFunctionAsync("img => img.complete", await image.ElementHandleAsync());
            (await image.EvaluateAsync<int>("img => img.naturalWidth")).Should().BeGreaterThan(0, await image.GetAttributeAsync("src"));
        }
        problems.Should().BeEmpty();
    }

    [Test]
    public async Task Expanding_a_check_shows_its_exchanges_and_the_filters_narrow_the_list()
    {
        var (page, problems) = await OpenAsync(HtmlReportWriter.FileName);
        var tok01 = page.Locator("article#TOK-01");

        var exchanges = tok01.Locator("details.exchanges");
        (await exchanges.Locator("details.ex").First.IsVisibleAsync()).Should().BeFalse("exchanges start collapsed");
        await exchanges.Locator("summary").First.ClickAsync();
        var first = exchanges.Locator("details.ex").First;
        await first.Locator("summary").ClickAsync();
        (await first.Locator(".ex-body").IsVisibleAsync()).Should().BeTrue();
        var shown = await first.Locator(".ex-body").InnerTextAsync();
        shown.Should().MatchRegex("(GET|POST) https?://127.0.0.1").And.MatchRegex("(?i)response headers");

        await page.Locator(".toolbar [data-verdict-filter=\"fail\"]").ClickAsync();
        (await page.Locator("article.check:visible").CountAsync()).Should().Be(1);
        (await page.Locator("article.check:visible").GetAttributeAsync("id")).Should().Be("DISC-04");

        await page.Locator(".toolbar [data-verdict-filter=\"\"]").ClickAsync();
        await page.Locator("#sc-search").FillAsync("rs-01");
        (await page.Locator("article.check:visible").EvaluateAllAsync<string[]>("els => els.map(e => e.id)")).Should().Equal("RS-01");
        await page.Locator("#sc-search").FillAsync("");
        await page.Locator("#sc-group-filter").SelectOptionAsync("Discovery");
        (await page.Locator("article.check:visible").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.group)")).Should().OnlyContain(g => g == "Discovery");
        problems.Should().BeEmpty();
    }

    [Test]
    public async Task A_link_by_id_opens_that_check_and_its_exchanges()
    {
        var (page, problems) = await OpenAsync(HtmlReportWriter.FileName, "#RS-01");

        (await page.Locator("article#RS-01 details.exchanges").GetAttributeAsync("open")).Should().NotBeNull();
        (await page.Locator("article#RS-01").IsVisibleAsync()).Should().BeTrue();
        problems.Should().BeEmpty();
    }

    [Test]
    public async Task A_missing_screenshot_and_a_baseline_section_cause_no_console_error()
    {
        var report = JsonReportReader.Read(Path.Combine(_reportDir, JsonReportWriter.FileName));
        var withMissing = report.Checks.Select(c => c.Id == "AUTHZ-01"
            ? c with { Artifacts = [.. c.Artifacts, new ArtifactReport("where the browser stopped (no screenshot: gone)", "artifacts/never-saved.png", "missing")] }
            : c).ToList();
        var changed = report with
        {
            Checks = withMissing,
            Baseline = BaselineComparer.Compare(report, report with { Checks = [] }, "earlier/report.json"),
        };
        await File.WriteAllTextAsync(Path.Combine(_reportDir, "variant.html"), HtmlReportWriter.Render(changed));

        var (page, problems) = await OpenAsync("variant.html");

        (await page.Locator("#sc-baseline .baseline-list.new .n").InnerTextAsync()).Should().Be(report.Summary.Failed.ToString());
        (await page.Locator("article#AUTHZ-01 .files .missing", new() { HasText = "no screenshot: gone" }).InnerTextAsync()).Should().Contain("no file");
        problems.Should().BeEmpty();
    }
}
