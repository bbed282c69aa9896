using System.Text.Json;

namespace SmartConformance.MatrixWorker;

/// <summary>One run the worker is asked for: one line of JSON on its standard input.</summary>
/// <param name="Filter">Only these checks (the run command's --filter); null runs every check.</param>
public sealed record MatrixRunRequest(string ProfilePath, string ReportDirectory, IReadOnlyList<string> Faults, string? Filter);

/// <summary>How the run ended: its exit code, why it could not run or was cut short, and what it printed.</summary>
public sealed record MatrixRunResponse(int ExitCode, string? Problem, string Console);

/// <summary>
/// The worker answers each request with one line: <see cref="ResponsePrefix"/> then the response as JSON. Anything else
/// on its standard output (a library writing to the console) is not an answer.
/// </summary>
public static class MatrixProtocol
{
    public const string ResponsePrefix = "@@matrix-run ";

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);
}
