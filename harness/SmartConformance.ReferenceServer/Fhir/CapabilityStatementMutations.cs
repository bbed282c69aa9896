using Hl7.Fhir.Model;

namespace SmartConformance.ReferenceServer.Fhir;

/// <summary>Rewrites of the protected base's CapabilityStatement registered by faults; empty on a conformant server.</summary>
internal sealed class CapabilityStatementMutations
{
    private readonly List<Action<CapabilityStatement>> _mutations = [];

    public void Add(Action<CapabilityStatement> mutation) => _mutations.Add(mutation);

    public void ApplyTo(CapabilityStatement statement)
    {
        foreach (var mutate in _mutations)
        {
            mutate(statement);
        }
    }
}
