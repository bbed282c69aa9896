using System.CommandLine;
using System.Text.Json;
using SmartConformance.ReferenceServer;

namespace SmartConformance.Cli.Commands;

public static class FaultsCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("faults", "List the named faults the embedded reference server can switch on, and the checks each must make fail.") { format };
        command.SetAction(result =>
        {
            var faults = FaultCatalog.All.Select(f => new { name = f.Name, description = f.Description, spec = f.Spec, expectedChecks = f.ExpectedChecks, expectedWarnings = f.ExpectedWarnings ?? [] });
            if (result.GetValue(format) == "json")
                Console.WriteLine(JsonSerializer.Serialize(faults, new JsonSerializerOptions { WriteIndented = true }));
            else
                foreach (var f in FaultCatalog.All)
                    Console.WriteLine($"{f.Name,-32} {f.Description} [{f.Spec}] → {Expected(f)}");
            return 0;
        });
        return command;
    }

    private static string Expected(FaultDescriptor fault) => fault.ExpectedChecks.Count > 0
        ? string.Join(", ", fault.ExpectedChecks)
        : $"warns {string.Join(", ", fault.ExpectedWarnings ?? [])}";
}
