using SmartConformance.Harness.Evidence;
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
                Verdict = o.Verdict,
                Message = redactor.Apply(o.Message) ?? "",
                DurationMs = (long)o.Duration.TotalMilliseconds,
                Exchanges = session.Evidence.ExchangesFor(o.TestId, session.Recorder).Select(e => ToReport(e, redactor)).ToList(),
                Artifacts = session.Evidence.ArtifactsFor(o.TestId)
                    .Select(a => new ArtifactReport(redactor.Apply(a.Title)!, Path.GetRelativePath(reportDirectory, a.FullPath).Replace('\\', '/'), a.Kind))
                    .ToList(),
            }).ToList();
        return new RunReport
        {
            Suite = new SuiteInfo("SmartConformance", typeof(ReportBuilder).Assembly.GetName().Version?.ToString(3) ?? "0.0.0"),
            Target = new TargetInfo { FhirBaseUrl = session.FhirBaseUrl.ToString(), Profile = session.Profile.Name + " (" + session.Profile.SourcePath + ")", Faults = session.Faults },
            StartedAt = startedAt,
            DurationMs = (long)duration.TotalMilliseconds,
            Summary = RunSummary.Of(checks),
            Checks = checks,
            Notices = session.Notices.Select(n => redactor.Apply(n)!).ToList(),
            Requirements = RequirementsReportBuilder.Build(checks, session.FetchedDiscovery),
        };
    }

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
