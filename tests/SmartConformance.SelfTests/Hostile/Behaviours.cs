using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace SmartConformance.SelfTests.Hostile;

/// <summary>Every way the hostile server misbehaves, by name (the name is also its path prefix).</summary>
public static class Behaviours
{
    public const string Baseline = "baseline";

    /// <summary>The access token the token-in-query behaviour leaks in a URL; no report may contain it.</summary>
    public const string QueryToken = "LEAKED-query-access-token-7f3a9c21e8d4";

    public static IReadOnlyDictionary<string, Behaviour> All { get; } = Build().ToDictionary(b => b.Name);

    private static readonly byte[] Chunk = Encoding.ASCII.GetBytes(new string('a', 64 * 1024));

    private static IEnumerable<Behaviour> Build()
    {
        yield return new Behaviour(Baseline);

        // Discovery: wrong shapes.
        yield return new Behaviour("discovery-html") { Discovery = c => c.Html("<!doctype html><title>Welcome</title><h1>Welcome to our portal</h1>") };
        yield return new Behaviour("discovery-invalid-json") { Discovery = c => c.Json("{\"issuer\": \"x\", \"token_endpoint\": ") };
        yield return new Behaviour("discovery-json-array") { Discovery = c => c.Json("[{\"token_endpoint\":\"x\"}]") };
        yield return new Behaviour("discovery-404") { Discovery = c => c.Json("{\"error\":\"not found\"}", 404) };
        yield return new Behaviour("discovery-500") { Discovery = c => c.Html("<h1>Internal Server Error</h1><pre>NullReferenceException at Discovery.cs:42</pre>", 500) };
        yield return new Behaviour("discovery-empty-body") { Discovery = c => c.Json("") };
        yield return new Behaviour("discovery-no-content-type") { Discovery = c => c.Response.WriteAsync(Hostile.Baseline.DiscoveryJson(c), c.Aborted) };
        yield return new Behaviour("discovery-wrong-content-type") { Discovery = c => c.Json(Hostile.Baseline.DiscoveryJson(c), contentType: "text/plain") };

        // Discovery: sizes and time.
        yield return new Behaviour("discovery-30mb") { Discovery = ThirtyMegabytes };
        yield return new Behaviour("discovery-endless-body") { Discovery = c => { c.Response.ContentType = "application/json"; return c.WriteForeverAsync(Chunk, TimeSpan.Zero); } };
        yield return new Behaviour("discovery-trickle") { Discovery = c => { c.Response.ContentType = "application/json"; return c.WriteForeverAsync("{"u8.ToArray(), TimeSpan.FromMilliseconds(100)); } };
        yield return new Behaviour("discovery-hang") { Discovery = c => Task.Delay(Timeout.Infinite, c.Aborted) };

        // Discovery: redirects.
        yield return new Behaviour("discovery-redirect-loop")
        {
            Discovery = c => { c.Redirect(c.Root + "/loop-a"); return Task.CompletedTask; },
            Extra = new Dictionary<string, Func<HostileContext, Task>> { ["loop-a"] = c => { c.Redirect(c.FhirBase + "/.well-known/smart-configuration"); return Task.CompletedTask; } },
        };
        yield return new Behaviour("discovery-redirect-other-host")
        {
            Discovery = c => { c.Redirect($"{c.Request.Scheme}://localhost:{c.Request.Host.Port}/{c.Behaviour}/fhir/.well-known/smart-configuration"); return Task.CompletedTask; },
        };

        // Transport-level damage.
        yield return new Behaviour("gzip-not-gzip")
        {
            Discovery = c => { c.Response.Headers.ContentEncoding = "gzip"; return c.Json(Hostile.Baseline.DiscoveryJson(c)); },
        };
        yield return new Behaviour("header-1mb")
        {
            Discovery = c => { c.Response.Headers["X-Padding"] = new string('h', 1024 * 1024); return c.Json(Hostile.Baseline.DiscoveryJson(c)); },
        };
        yield return new Behaviour("reset-mid-body") { Discovery = ResetMidBody };

        // Load.
        yield return new Behaviour("discovery-429-then-ok")
        {
            Discovery = c => c.State.Count(c.Behaviour + "/discovery") <= 2 ? TooManyRequests(c) : Hostile.Baseline.Discovery(c),
        };
        yield return new Behaviour("discovery-429-forever") { Discovery = TooManyRequests };
        yield return new Behaviour("discovery-429-come-back-tomorrow") { Discovery = c => TooManyRequests(c, "86400") };
        yield return new Behaviour("slow")
        {
            Extra = new Dictionary<string, Func<HostileContext, Task>> { ["slow"] = async c => { using (c.State.Enter()) await Task.Delay(300, c.Aborted); await c.Json("{}"); } },
        };

        // Token endpoint.
        yield return new Behaviour("token-200-error-body") { Token = c => c.Json("{\"error\":\"invalid_grant\",\"error_description\":\"code expired\"}") };
        yield return new Behaviour("token-in-query")
        {
            Token = c => { c.Redirect($"{c.Root}/landing?access_token={QueryToken}&token_type=Bearer&expires_in=3600"); return Task.CompletedTask; },
        };
        yield return new Behaviour("token-expires-in-string") { Token = c => Hostile.Baseline.Token(c, f => f["expires_in"] = "3600") };
        yield return new Behaviour("token-expires-in-negative") { Token = c => Hostile.Baseline.Token(c, f => f["expires_in"] = -5) };
        yield return new Behaviour("token-scope-missing") { Token = c => Hostile.Baseline.Token(c, f => f.Remove("scope")) };
        yield return new Behaviour("token-unknown-patient") { Token = c => Hostile.Baseline.Token(c, f => f["patient"] = "no-such-patient-404") };

        // Login and consent pages.
        yield return new Behaviour("login-never-redirects") { Approve = c => c.Html("<!doctype html><title>Thanks</title><p id=\"done\">Thank you! You may now close this window.</p>") };
        yield return new Behaviour("login-wrong-redirect-uri")
        {
            Approve = c =>
            {
                var wrong = new UriBuilder(c.Form("redirect_uri")!) { Path = "/other-callback", Query = $"code=hostile-code&state={Uri.EscapeDataString(c.Form("state") ?? "")}" };
                c.Redirect(wrong.Uri.ToString());
                return Task.CompletedTask;
            },
        };
        yield return new Behaviour("login-error-without-state")
        {
            Approve = c => { c.Redirect($"{c.Form("redirect_uri")}?error=access_denied&error_description=denied+by+policy"); return Task.CompletedTask; },
        };
        yield return new Behaviour("login-alert-and-popup")
        {
            Authorize = c => Hostile.Baseline.LoginPage(c, "<script>alert('Session expiring soon'); window.open('about:blank', 'ad', 'width=300');</script>"),
            Login = c => Hostile.Baseline.ConsentPage(c, "<script>confirm('Are you sure?'); window.open('about:blank');</script>"),
        };
        yield return new Behaviour("login-keeps-loading") { Authorize = KeepsLoading };

        // FHIR endpoint.
        yield return new Behaviour("fhir-not-fhir-json") { Patient = (c, _) => Authorized(c, () => c.Json("{\"hello\":\"world\",\"items\":[1,2,3]}", contentType: "application/fhir+json")) };
        yield return new Behaviour("fhir-operationoutcome-200")
        {
            Patient = (c, _) => Authorized(c, () => c.Json("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"processing\",\"diagnostics\":\"backend down\"}]}", contentType: "application/fhir+json")),
        };
        yield return new Behaviour("fhir-bundle-10000") { Patient = (c, _) => Authorized(c, () => c.Json(HugeBundle(), contentType: "application/fhir+json")) };
        yield return new Behaviour("fhir-read-hangs") { Patient = (c, _) => Task.Delay(Timeout.Infinite, c.Aborted) };
        yield return new Behaviour("fhir-wrong-type")
        {
            Patient = (c, id) => Authorized(c, () => c.Json($$$"""{"resourceType":"Observation","id":"{{{id}}}","status":"final","code":{"text":"weight"}}""", contentType: "application/fhir+json")),
        };
    }

    private static Task Authorized(HostileContext c, Func<Task> answer) =>
        Hostile.Baseline.Authorized(c) ? answer() : Hostile.Baseline.Patient(c, "");

    private static Task TooManyRequests(HostileContext c) => TooManyRequests(c, "1");

    private static Task TooManyRequests(HostileContext c, string retryAfter)
    {
        c.Response.Headers.RetryAfter = retryAfter;
        return c.Json("{\"error\":\"slow down\"}", 429);
    }

    private static async Task ThirtyMegabytes(HostileContext c)
    {
        c.Response.ContentType = "application/json";
        c.Response.ContentLength = 30L * 1024 * 1024;
        try
        {
            for (var sent = 0L; sent < c.Response.ContentLength; sent += Chunk.Length)
                await c.Response.Body.WriteAsync(Chunk, c.Aborted);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or InvalidOperationException) { /* the suite stopped reading at its bound */ }
    }

    private static async Task ResetMidBody(HostileContext c)
    {
        var json = Encoding.UTF8.GetBytes(Hostile.Baseline.DiscoveryJson(c));
        c.Response.ContentType = "application/json";
        c.Response.ContentLength = json.Length * 4L;
        await c.Response.Body.WriteAsync(json.AsMemory(0, json.Length / 2), c.Aborted);
        await c.Response.Body.FlushAsync(c.Aborted);
        await Task.Delay(100, c.Aborted);
        c.Http.Abort();
    }

    private static async Task KeepsLoading(HostileContext c)
    {
        c.Response.ContentType = "text/html; charset=utf-8";
        await c.Response.WriteAsync("<!doctype html><html><head><title>Loading…</title></head><body><p id=\"spinner\">Loading", c.Aborted);
        await c.WriteForeverAsync("."u8.ToArray(), TimeSpan.FromMilliseconds(200));
    }

    private static string HugeBundle()
    {
        var entries = Enumerable.Range(0, 10_000).Select(i => new Dictionary<string, object>
        {
            ["fullUrl"] = $"urn:uuid:{Guid.NewGuid()}",
            ["resource"] = new Dictionary<string, object> { ["resourceType"] = "Patient", ["id"] = $"p{i}" },
        });
        return JsonSerializer.Serialize(new Dictionary<string, object> { ["resourceType"] = "Bundle", ["type"] = "searchset", ["total"] = 10_000, ["entry"] = entries });
    }
}
