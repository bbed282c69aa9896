using System.CommandLine;
using System.Text.Json;
using SmartConformance.Cli.Running;
using SmartConformance.Harness.Requirements;

namespace SmartConformance.Cli.Commands;

/// <summary>
/// list-requirements: which SMART App Launch 2.2 server requirements the checks test (from their [Requirement]
/// attributes) and why the others are not tested, without running anything.
/// </summary>
public static class ListRequirementsCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format") { Description = "text, json or markdown (the README coverage table).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "markdown");
        var command = new Command("list-requirements",
            "List the HL7 SMART App Launch 2.2 server requirements: the checks that test each one, or why it is not tested, with coverage counts.") { format };
        command.SetAction(result =>
        {
            var coverage = Compute();
            Console.Write(result.GetValue(format) switch
            {
                "json" => Json(coverage),
                "markdown" => Markdown(coverage),
                _ => Text(coverage),
            });
            foreach (var problem in Problems(coverage)) Console.Error.WriteLine(problem);
            return ExitCodes.Passed;
        });
        return command;
    }

    public static RequirementCoverage Compute() =>
        RequirementCoverage.Compute(RequirementCatalog.Load(), ListChecksCommand.Explore().Select(c => new CheckDeclaration(c.Id, c.Requirements)));

    /// <summary>The one-line comparison with Inferno's SMART App Launch Test Kit.</summary>
    public static string InfernoComparison(RequirementCoverage c) =>
        $"Inferno's SMART App Launch Test Kit links {c.InfernoTested} of {c.Total} requirements to a test; SmartConformance tests {c.Tested} of {c.Total}.";

    /// <summary>Data problems the SelfTests turn into failures; printed here as reminders.</summary>
    public static IEnumerable<string> Problems(RequirementCoverage c) =>
        c.UnknownIds.Select(u => $"problem: {u.CheckId} names {u.RequirementId}, which is not in requirements/*.csv.")
            .Concat(c.Unaccounted.Select(r => $"problem: {r.Requirement.Id} has neither a check nor a not_tested reason."));

    private static string Short(string id) =>
        id.StartsWith(RequirementCatalog.SmartAppLaunchPrefix, StringComparison.Ordinal) ? "@" + id[RequirementCatalog.SmartAppLaunchPrefix.Length..] : id;

    private static string Status(CoveredRequirement r) =>
        r.IsTested ? "tested: " + string.Join(" ", r.Checks)
        : r.Requirement.NotTested is { } reason ? reason + (r.Requirement.PlannedChecks.Count > 0 ? " (" + string.Join(" ", r.Requirement.PlannedChecks) + ")" : "")
        : "UNACCOUNTED";

    private static string Text(RequirementCoverage c)
    {
        var w = new StringWriter();
        w.WriteLine($"{RequirementsReportBuilder.Source}; ids below are {RequirementCatalog.SmartAppLaunchPrefix}N.");
        foreach (var r in c.SmartAppLaunch)
            w.WriteLine($"{Short(r.Requirement.Id),-5} {r.Requirement.Level,-10} {Status(r),-36} {r.Requirement.Summary}");
        if (c.References.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("RFC and OpenID Connect clauses the checks name:");
            foreach (var r in c.References)
                w.WriteLine($"{r.Requirement.Id,-18} {r.Requirement.Level,-6} {Status(r),-36} {r.Requirement.Summary}");
        }
        w.WriteLine();
        w.WriteLine($"{c.Tested} of {c.Total} tested, {c.Explained} explained, {c.Unaccounted.Count} unaccounted.");
        w.WriteLine($"  {"SHALL/SHALL NOT",-16} {c.Mandatory.Tested,3} of {c.Mandatory.Total,3} tested, {c.Mandatory.Explained} explained");
        foreach (var l in c.ByLevel)
            w.WriteLine($"  {l.Level,-16} {l.Tested,3} of {l.Total,3} tested, {l.Explained} explained");
        w.WriteLine("  Not tested because: " + string.Join(", ", c.ExplainedByReason.Select(r => $"{r.Reason} {r.Count}")));
        w.WriteLine(InfernoComparison(c));
        return w.ToString();
    }

    /// <summary>The README's coverage table.</summary>
    public static string Markdown(RequirementCoverage c)
    {
        var w = new StringWriter { NewLine = "\n" };
        w.WriteLine("| Requirements (HL7 SMART App Launch 2.2 server list) | Total | Tested | Explained, not tested |");
        w.WriteLine("|---|---:|---:|---:|");
        w.WriteLine($"| **All** | {c.Total} | {c.Tested} | {c.Explained} |");
        w.WriteLine($"| SHALL + SHALL NOT | {c.Mandatory.Total} | {c.Mandatory.Tested} | {c.Mandatory.Explained} |");
        foreach (var l in c.ByLevel) w.WriteLine($"| {l.Level} | {l.Total} | {l.Tested} | {l.Explained} |");
        w.WriteLine();
        w.WriteLine("Not tested because: " + string.Join(", ", c.ExplainedByReason.Select(r => $"`{r.Reason}` {r.Count}")) + ".");
        w.WriteLine(InfernoComparison(c));
        return w.ToString();
    }

    private static string Json(RequirementCoverage c)
    {
        object Row(CoveredRequirement r) => new
        {
            r.Requirement.Id,
            r.Requirement.Level,
            Condition = r.Requirement.Condition?.Text,
            r.Requirement.Summary,
            r.Requirement.Url,
            r.Checks,
            Status = r.IsTested ? "tested" : r.IsExplained ? "explained" : "unaccounted",
            NotTested = r.IsTested ? null : r.Requirement.NotTested,
            PlannedChecks = r.IsTested ? [] : r.Requirement.PlannedChecks,
            r.Requirement.Note,
            r.Requirement.InfernoTests,
        };
        var document = new
        {
            Source = RequirementsReportBuilder.Source,
            Coverage = new
            {
                c.Total,
                c.Tested,
                c.Explained,
                Unaccounted = c.Unaccounted.Count,
                Mandatory = c.Mandatory,
                c.ByLevel,
                NotTestedByReason = c.ExplainedByReason.ToDictionary(r => r.Reason, r => r.Count),
                c.InfernoTested,
                Comparison = InfernoComparison(c),
            },
            Requirements = c.SmartAppLaunch.Select(Row).ToList(),
            References = c.References.Select(Row).ToList(),
            UnknownIds = c.UnknownIds,
        };
        return JsonSerializer.Serialize(document, new JsonSerializerOptions
        {
            WriteIndented = true,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }) + "\n";
    }
}
