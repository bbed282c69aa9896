using SmartConformance.ReferenceServer.Faults;
using SmartConformance.ReferenceServer.Faults.Discovery;
using SmartConformance.ReferenceServer.Faults.Fhir;

namespace SmartConformance.ReferenceServer;

/// <summary>The table of contents of every fault the reference server can inject.</summary>
public static class FaultCatalog
{
    internal static IReadOnlyList<IFault> Faults { get; } =
    [
        // Discovery
        new DropS256FromCodeChallengeMethods(),

        // FHIR resource server
        new NoTokenRequired(),
    ];

    public static IReadOnlyList<FaultDescriptor> All { get; } = Faults.Select(f => f.Descriptor).ToArray();

    public static FaultDescriptor? Find(string name) => FindFault(name)?.Descriptor;

    internal static IFault? FindFault(string name) =>
        Faults.FirstOrDefault(f => string.Equals(f.Descriptor.Name, name, StringComparison.Ordinal));

    /// <summary>Maps names to faults, failing on the first unknown name with the list of valid ones.</summary>
    internal static IReadOnlyList<IFault> Resolve(IEnumerable<string> names)
    {
        var resolved = new List<IFault>();
        foreach (var name in names.Distinct(StringComparer.Ordinal))
        {
            var fault = FindFault(name) ?? throw new ArgumentException(
                $"Unknown fault '{name}'. Valid faults: {string.Join(", ", All.Select(d => d.Name))}.", nameof(ReferenceServerOptions.Faults));
            resolved.Add(fault);
        }
        return resolved;
    }
}
