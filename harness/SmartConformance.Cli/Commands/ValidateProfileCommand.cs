using System.CommandLine;
using SmartConformance.Cli.Running;
using SmartConformance.Harness.Profiles;

namespace SmartConformance.Cli.Commands;

public static class ValidateProfileCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "The profile to check." };
        var command = new Command("validate-profile", "Check a profile against the schema and the suite's rules; every problem is named with its JSON path.") { file };
        command.SetAction(result =>
        {
            var path = result.GetValue(file)!;
            try
            {
                var loaded = ProfileLoader.Load(path);
                foreach (var warning in loaded.Warnings) Console.WriteLine(warning);
                Console.WriteLine($"{path}: valid profile \"{loaded.Profile.Name}\" targeting {loaded.Profile.FhirBaseUrl}.");
                return ExitCodes.Passed;
            }
            catch (ProfileException ex)
            {
                Console.WriteLine(ex.Message);
                return ExitCodes.CouldNotRun;
            }
        });
        return command;
    }
}
