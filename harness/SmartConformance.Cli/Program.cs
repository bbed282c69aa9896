using System.CommandLine;
using SmartConformance.Cli.Commands;
using SmartConformance.Cli.Running;

namespace SmartConformance.Cli;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var root = new RootCommand("SmartConformance: a conformance test suite for SMART App Launch (SMART on FHIR) servers.")
        {
            RunCommand.Create(),
            FaultsCommand.Create(),
            ListChecksCommand.Create(),
            ListRequirementsCommand.Create(),
            ValidateProfileCommand.Create(),
            ServeCommand.Create(),
            InitCommand.Create(),
        };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) Console.Error.WriteLine(error.Message);
            Console.Error.WriteLine("See --help.");
            return ExitCodes.CouldNotRun;
        }
        // Ctrl-C / SIGTERM cancel the run; it then needs a few seconds to stop what is in flight and write the partial report.
        return await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(20) });
    }
}
