using System.Text.Json;
using SmartConformance.Cli.Running;
using SmartConformance.Harness.Session;

namespace SmartConformance.MatrixWorker;

/// <summary>
/// The self-tests' fault matrix runs the suite some 140 times. Starting a process for each run costs seconds of runtime
/// start-up and JIT; a few of these workers, each running one request after another in one warm process, pay that once.
/// Each run still has its own reference server and browser, as a run of the command does. A run that stalls is ended by
/// the test side killing the worker, which it can always do.
/// </summary>
internal static class WorkerProgram
{
    private static async Task Main()
    {
        var answers = Console.Out;
        // Console.In's reads block their thread, and the code after a run's last await may be on a thread the run's
        // libraries lent it (Playwright completes its calls on its message loop): the wait for the next request gets a
        // thread of its own.
        while (await Task.Run(Console.In.ReadLine) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            var response = await RunAsync(JsonSerializer.Deserialize<MatrixRunRequest>(line, MatrixProtocol.Json)!);
            await answers.WriteLineAsync(MatrixProtocol.ResponsePrefix + JsonSerializer.Serialize(response, MatrixProtocol.Json));
            await answers.FlushAsync();
        }
    }

    private static async Task<MatrixRunResponse> RunAsync(MatrixRunRequest request)
    {
        var console = new StringWriter();
        try
        {
            var options = new RunOptions { ProfilePath = request.ProfilePath, ReportDirectory = request.ReportDirectory, Faults = request.Faults };
            var result = await SuiteRunner.RunAsync(options, request.Filter, console);
            return new MatrixRunResponse(result.ExitCode, result.Problem, console.ToString());
        }
        catch (Exception ex)
        {
            return new MatrixRunResponse(ExitCodes.CouldNotRun, $"The run threw {ex}", console.ToString());
        }
    }
}
