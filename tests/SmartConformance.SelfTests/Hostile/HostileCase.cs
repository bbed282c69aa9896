using System.Text.Json.Nodes;
using SmartConformance.Harness.Session;

namespace SmartConformance.SelfTests.Hostile;

/// <summary>One row of the hostile matrix: a behaviour, how to reach it, and the verdicts it must produce.</summary>
public sealed record HostileCase(string Behaviour, string Summary, params Expect[] Expectations)
{
    public HostileTransport Transport { get; init; } = HostileTransport.Http;
    public Action<JsonObject>? Profile { get; init; }
    public Func<RunOptions, RunOptions>? Options { get; init; }
    /// <summary>Further assertions on the finished run.</summary>
    public Action<HostileRun>? Then { get; init; }

    public string Label => Transport == HostileTransport.Http ? Behaviour : $"{Behaviour}-{Transport.ToString().ToLowerInvariant()}";

    public string FhirBase(HostileServer server) => Transport switch
    {
        HostileTransport.Https => server.FhirBase(Behaviour, https: true),
        HostileTransport.NotHttp => server.RawRoot + Behaviour + "/fhir",
        _ => server.FhirBase(Behaviour),
    };

    public override string ToString() => Label;
}

/// <summary>A check's expected verdict, and words its message must contain to name the cause.</summary>
public sealed record Expect(string Check, string Verdict, params string[] Fragments);

public enum HostileTransport { Http, Https, NotHttp }
