using System.CommandLine;
using SmartConformance.ReferenceServer;

namespace SmartConformance.Cli.Commands;

public static class ServeCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 (0 picks a free one).", DefaultValueFactory = _ => 8080 };
        var redirect = new Option<string[]>("--redirect-uri") { Description = "Redirect URIs to register for the seeded clients (repeatable).", DefaultValueFactory = _ => ["http://127.0.0.1:8765/callback"] };
        var fault = new Option<string[]>("--fault") { Description = "Switch on a named fault (repeatable)." };
        var command = new Command("serve", "Run the reference SMART server on its own, for manual launches or other tools.") { port, redirect, fault };
        command.SetAction(async (result, ct) =>
        {
            await using var host = await ReferenceServerHost.StartAsync(new ReferenceServerOptions
            {
                Port = result.GetValue(port),
                RedirectUris = result.GetValue(redirect)!,
                Faults = result.GetValue(fault) ?? [],
            }, ct);
            Console.WriteLine($"Reference SMART server running. FHIR base: {host.FhirBaseUrl}");
            Console.WriteLine($"  Discovery:  {host.FhirBaseUrl}/.well-known/smart-configuration");
            Console.WriteLine($"  OAuth:      {new Uri(host.BaseUrl, "authorize")}, {new Uri(host.BaseUrl, "token")}");
            Console.WriteLine($"  Clients:    {SeedData.PublicClientId} (public), {SeedData.ConfidentialClientId} / {SeedData.ConfidentialClientSecret}");
            Console.WriteLine($"  Users:      {SeedData.AmyUsername}/{SeedData.AmyPassword} (patient {SeedData.Patient1Id}), {SeedData.BobUsername}/{SeedData.BobPassword}, {SeedData.DrSmithUsername}/{SeedData.DrSmithPassword} (provider)");
            Console.WriteLine($"  Redirects:  {string.Join(", ", result.GetValue(redirect)!)}");
            if (host.Faults.Count > 0) Console.WriteLine($"  Faults:     {string.Join(", ", host.Faults)}");
            Console.WriteLine($"  A profile:  smart-conformance init --fhir-base {host.FhirBaseUrl} --output my-profile.json");
            Console.WriteLine("Press Ctrl+C to stop.");
            try { await Task.Delay(Timeout.Infinite, ct); } catch (OperationCanceledException) { }
            return 0;
        });
        return command;
    }
}
