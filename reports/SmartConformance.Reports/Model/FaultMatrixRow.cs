namespace SmartConformance.Reports.Model;

/// <summary>
/// One run of the fault matrix: the fault switched on in the reference server (null for the faultless run), what it
/// breaks, the checks that must fail (or warn) and those that did, and whether they are exactly the same. A targeted run
/// (<see cref="OnlyNamedChecksRan"/>) had only the checks the fault names, so it proves they catch it, not that no
/// other check fails.
/// </summary>
public sealed record FaultMatrixRow
{
    public string? Fault { get; init; }
    public string Description { get; init; } = "";
    public string Spec { get; init; } = "";
    public IReadOnlyList<string> Expected { get; init; } = [];
    public IReadOnlyList<string> Actual { get; init; } = [];
    public IReadOnlyList<string> ExpectedWarnings { get; init; } = [];
    public IReadOnlyList<string> ActualWarnings { get; init; } = [];
    public bool Caught { get; init; }
    public bool OnlyNamedChecksRan { get; init; }
}
