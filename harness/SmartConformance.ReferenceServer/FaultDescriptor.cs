namespace SmartConformance.ReferenceServer;

/// <summary>What a fault breaks: its name, a one-line description, the spec it violates and the suite checks expected to fail.</summary>
public sealed record FaultDescriptor(string Name, string Description, string Spec, IReadOnlyList<string> ExpectedChecks);
