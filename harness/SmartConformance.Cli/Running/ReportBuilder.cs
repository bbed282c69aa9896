using SmartConformance.Harness.Browser;
using SmartConformance.Harness.Evidence;
using SmartConformance.Harness.Requirements;
using SmartConformance.Harness.Session;
using SmartConformance.Reports.Model;

namespace SmartConformance.Cli.Running;

/// <summary>Turns the finished checks and the session's evidence into the report model, redacted.</summary>
public static class ReportBuilder
{
    public static RunReport Build(SuiteSession session, IReadOnlyList<CheckOutcome> outcomes, DateTimeOffset startedAt, TimeSpan duration, string reportDirectory, Redactor redactor)
    {
        var checks = outcomes
            .OrderBy(o => o.Group, StringComparer.Ordinal).ThenBy(o => o.Id, StringComparer.Ordinal)
            .Select(o => new CheckReport
            {
                Id = o.Id,
                Title = o.Title,
                Group = o.Group,
                Spec = new SpecReference(o.SpecSection, o.SpecUrl),
                Requirements = o.Requirements,
                Inferno = InfernoTrace.For(o.Requirements),
                Verdict = o.Verdict,
                Message = redactor.Apply(o.Message) ?? "",
                DurationMs = (long)o.Duration.TotalMilliseconds,
                Exchanges = session.Evidence.ExchangesFor(o.TestId, session.Recorder).Select(e => ToReport(e, redactor)).ToList(),
                Artifacts = session.Evidence.ArtifactsFor(o.TestId).Select(a => ToReport(a, reportDirectory, redactor)).ToList(),
            }).ToList();
        var traces = Traces(session.ArtifactDirectory, reportDirectory);
        var notices = session.Notices.Select(n => redactor.Apply(n)!).ToList();
        if (traces.Count > 0)
            notices.Add("Browser traces (--trace) are not redacted: they hold what the browser saw and typed, passwords and tokens included. Share them only with people who may see those.");
        return new RunReport
        {
            Suite = new SuiteInfo("SmartConformance", typeof(ReportBuilder).Assembly.GetName().Version?.ToString(3) ?? "0.0.0"),
            Target = new TargetInfo { FhirBaseUrl = session.FhirBaseUrl.ToString(), Profile = session.Profile.Name + " (" + session.Profile.SourcePath + ")", Faults = session.Faults },
            StartedAt = startedAt,
            DurationMs = (long)duration.TotalMilliseconds,
            Summary = RunSummary.Of(checks),
            Checks = checks,
            Notices = notices,
            Artifacts = traces,
            Requirements = RequirementsReportBuilder.Build(checks, session.FetchedDiscovery),
        };
    }

    /// <summary>
    /// A browser file as the report shows it. A file that was never written (a screenshot that failed) becomes kind
    /// "missing", which report.html shows as text and never loads.
    /// </summary>
    public static ArtifactReport ToReport(BrowserArtifact artifact, string reportDirectory, Redactor redactor)
    {
        var path = Path.GetRelativePath(reportDirectory, artifact.FullPath).Replace('\\', '/');
        var title = redactor.Apply(artifact.Title)!;
        if (File.Exists(artifact.FullPath))
            return new ArtifactReport(title, path, artifact.Kind);
        return new ArtifactReport(artifact.Kind == MissingKind ? title : $"{title} (the {artifact.Kind} file was not saved)", path, MissingKind);
    }

    private const string MissingKind = "missing";

    /// <summary>Every launch's trace file, including those of launches that failed before they could report one.</summary>
    private static IReadOnlyList<ArtifactReport> Traces(string artifactDirectory, string reportDirectory) =>
        !Directory.Exists(artifactDirectory)
            ? []
            : Directory.GetFiles(artifactDirectory, "*-trace.zip").Order(StringComparer.Ordinal)
                .Select(f => new ArtifactReport($"Playwright trace: {Path.GetFileNameWithoutExtension(f)[..^"-trace".Length]} (open with `playwright show-trace` or trace.playwright.dev)",
                    Path.GetRelativePath(reportDirectory, f).Replace('\\', '/'), "trace"))
                .ToList();

    public static ExchangeReport ToReport(HttpExchange exchange, Redactor redactor) => new()
    {
        Name = exchange.Name,
        Source = exchange.Source,
        Method = exchange.Method,
        Url = redactor.Apply(exchange.Url.ToString())!,
        Status = exchange.Status,
        RequestHeaders = Headers(exchange.RequestHeaders, redactor),
        RequestBody = redactor.Apply(exchange.RequestBody),
        ResponseHeaders = Headers(exchange.ResponseHeaders, redactor),
        ResponseBody = redactor.Apply(exchange.ResponseBody),
        ResponseBodyTruncated = exchange.ResponseBodyTruncated,
        DurationMs = (long)exchange.Duration.TotalMilliseconds,
        StartedAt = exchange.StartedAt,
        Error = redactor.Apply(exchange.Error),
    };

    private static IReadOnlyDictionary<string, string> Headers(IEnumerable<KeyValuePair<string, string>> headers, Redactor redactor) =>
        headers.GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => string.Join(", ", g.Select(h => redactor.ApplyToHeader(h.Key, h.Value))), StringComparer.OrdinalIgnoreCase);
}
