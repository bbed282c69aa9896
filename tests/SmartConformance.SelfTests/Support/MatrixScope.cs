namespace SmartConformance.SelfTests.Support;

/// <summary>
/// How much of the suite each fault-matrix run takes (SMART_MATRIX). <c>targeted</c>, the default: each fault's run has
/// only the checks the fault names, which proves each is caught by them (and the faultless run still runs every check).
/// <c>full</c>: each fault's run has every check, which also proves no other check fails; about four times the cost
/// (a whole run is some 26 browser launches), so it is for nightly runs and for adding a fault, not for every push.
/// </summary>
public static class MatrixScope
{
    public const string Variable = "SMART_MATRIX";

    public static bool Full => Parse(Environment.GetEnvironmentVariable(Variable));

    private static bool Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "targeted" => false,
        "full" => true,
        _ => throw new InvalidOperationException($"{Variable} must be \"targeted\" (the default) or \"full\", not \"{value}\"."),
    };
}
