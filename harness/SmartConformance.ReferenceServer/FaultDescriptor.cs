namespace SmartConformance.ReferenceServer;

/// <summary>
/// What a fault breaks: its name, a one-line description, the spec it violates and the suite checks expected to fail.
/// A fault that breaks only a SHOULD names the checks expected to warn instead.
/// </summary>
public sealed record FaultDescriptor(string Name, string Description, string Spec, IReadOnlyList<string> ExpectedChecks,
    IReadOnlyList<string>? ExpectedWarnings = null);
