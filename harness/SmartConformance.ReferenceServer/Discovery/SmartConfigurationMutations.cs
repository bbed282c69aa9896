namespace SmartConformance.ReferenceServer.Discovery;

/// <summary>Rewrites of the discovery document registered by faults; empty on a conformant server.</summary>
internal sealed class SmartConfigurationMutations
{
    private readonly List<Action<SmartConfiguration>> _mutations = [];

    public void Add(Action<SmartConfiguration> mutation) => _mutations.Add(mutation);

    public void ApplyTo(SmartConfiguration configuration)
    {
        foreach (var mutate in _mutations)
        {
            mutate(configuration);
        }
    }
}
