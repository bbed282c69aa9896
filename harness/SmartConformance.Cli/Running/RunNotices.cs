using SmartConformance.Harness.Session;

namespace SmartConformance.Cli.Running;

/// <summary>
/// The run-level remarks a reader must see before any verdict: trust that was relaxed, secrets left in, throttling,
/// a partial run. The ones that weaken the evidence come first, on the report's first lines and the console's.
/// </summary>
public static class RunNotices
{
    public const string NoRedact =
        "This report CONTAINS SECRETS: it was written with --no-redact, so passwords, client secrets, codes and tokens appear as they were sent. Do not share or archive it.";

    public static IReadOnlyList<string> Before(SuiteSession session, RunOptions options)
    {
        var notices = new List<string>();
        if (options.NoRedact) notices.Add(NoRedact);
        if (session.Trust.TrustAll)
            notices.Add("TLS certificate verification was OFF (--insecure): the suite and the browser accepted any certificate. Results about transport security do not hold for this run.");
        else if (session.Trust.BundlePath is { } bundle)
            notices.Add($"TLS: besides the system's trusted CAs, the suite and the browser trusted the {session.Trust.Bundle.Count} certificate(s) in {bundle} (tls.caBundle): " +
                        string.Join("; ", session.Trust.Bundle.Select(c => c.Subject)) + ".");
        return notices;
    }

    public static IReadOnlyList<string> After(SuiteSession session)
    {
        var notices = new List<string>();
        if (session.Throttling.Summary() is { } throttled) notices.Add(throttled);
        return notices;
    }
}
