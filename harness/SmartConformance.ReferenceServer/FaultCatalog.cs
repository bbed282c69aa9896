using SmartConformance.ReferenceServer.Faults;

namespace SmartConformance.ReferenceServer;

/// <summary>The table of contents of every fault the reference server can inject.</summary>
public static class FaultCatalog
{
    // Every IFault class in this assembly is a fault: adding one is adding its file under Faults/<Area>/.
    // Sorted by name, so `faults` reads as a table of contents grouped by area.
    internal static IReadOnlyList<IFault> Faults { get; } = typeof(IFault).Assembly.GetTypes()
        .Where(t => typeof(IFault).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false })
        .Select(t => (IFault)Activator.CreateInstance(t)!)
        .OrderBy(f => f.Descriptor.Name, StringComparer.Ordinal)
        .ToArray();

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
