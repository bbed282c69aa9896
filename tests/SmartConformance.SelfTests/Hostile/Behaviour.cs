namespace SmartConformance.SelfTests.Hostile;

/// <summary>
/// One way a server can misbehave: it replaces some of the baseline endpoints. Everything it does not replace
/// behaves well, so each behaviour isolates one hostile answer.
/// </summary>
public sealed record Behaviour(string Name)
{
    public Func<HostileContext, Task>? Discovery { get; init; }
    public Func<HostileContext, Task>? Metadata { get; init; }
    public Func<HostileContext, string, Task>? Patient { get; init; }
    public Func<HostileContext, Task>? Authorize { get; init; }
    public Func<HostileContext, Task>? Login { get; init; }
    public Func<HostileContext, Task>? Approve { get; init; }
    public Func<HostileContext, Task>? Token { get; init; }
    /// <summary>More paths under /{name}/ (redirect targets, slow endpoints).</summary>
    public IReadOnlyDictionary<string, Func<HostileContext, Task>> Extra { get; init; } = new Dictionary<string, Func<HostileContext, Task>>();

    public Task Handle(HostileContext c, string path)
    {
        const string patient = "fhir/Patient/";
        return path switch
        {
            "fhir/.well-known/smart-configuration" => (Discovery ?? Baseline.Discovery)(c),
            "fhir/metadata" => (Metadata ?? Baseline.Metadata)(c),
            _ when path.StartsWith(patient, StringComparison.Ordinal) => (Patient ?? Baseline.Patient)(c, path[patient.Length..]),
            "authorize" => (Authorize ?? (x => Baseline.LoginPage(x)))(c),
            "login" => (Login ?? (x => Baseline.ConsentPage(x)))(c),
            "approve" => (Approve ?? Baseline.Approve)(c),
            "token" => (Token ?? (x => Baseline.Token(x)))(c),
            _ when Extra.TryGetValue(path, out var extra) => extra(c),
            _ => c.Json("""{"error":"no such hostile endpoint"}""", 404),
        };
    }
}
