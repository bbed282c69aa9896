using SmartConformance.Harness.Browser;
using SmartConformance.Harness.Evidence;
using SmartConformance.Harness.Http;
using SmartConformance.Harness.Launch;
using SmartConformance.Harness.Profiles;
using SmartConformance.Harness.Redirect;
using SmartConformance.Harness.Smart;

namespace SmartConformance.Harness.Session;

/// <summary>
/// Everything one run shares: the profile, the target, the evidence recorder, the HTTP client, the redirect
/// listener, the browser, and the launches that many checks read. Expensive pieces start lazily, once.
/// </summary>
public sealed class SuiteSession : IAsyncDisposable
{
    // The run a check belongs to follows its async flow, so several runs can share a process (the fault matrix runs
    // side by side in the self-tests); Alive answers for flows no run started, such as `dotnet test` on the checks.
    private static readonly AsyncLocal<SuiteSession?> Flowing = new();
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<SuiteSession, byte> Alive = new(ReferenceEqualityComparer.Instance);
    private readonly EmbeddedTarget? _embedded;
    private readonly Lazy<Task<BrowserSession>> _browser;
    private readonly Lazy<Task<DiscoveryFetch>> _discovery;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task>> _shared = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<string> _notices;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<LaunchOutcome, LaunchTokens> _launchTokens = new(ReferenceEqualityComparer.Instance);
    /// <param name="earlyDriver">Playwright's driver when the run started it along with its target (StartAsync's startBrowserEarly).</param>
    private SuiteSession(ServerProfile profile, RunOptions options, Uri fhirBaseUrl, RedirectListener redirects, EmbeddedTarget? embedded,
        IReadOnlyList<string> notices, Task<Microsoft.Playwright.IPlaywright>? earlyDriver)
    {
        Profile = profile;
        Options = options;
        FhirBaseUrl = fhirBaseUrl;
        Redirects = redirects;
        _embedded = embedded;
        _notices = [.. notices];
        OpenFhirBaseUrl = profile.OpenFhirBaseUrl switch
        {
            null => null,
            var open when open.Equals(ServerProfile.EmbeddedTarget, StringComparison.OrdinalIgnoreCase) => embedded?.OpenFhirBaseUrl,
            var open => new Uri(open),
        };
        SecondFhirBaseUrl = profile.SecondFhirBaseUrl switch
        {
            null => null,
            var second when second.Equals(ServerProfile.EmbeddedTarget, StringComparison.OrdinalIgnoreCase) => embedded?.SecondFhirBaseUrl,
            var second => new Uri(second),
        };
        Recorder = new ExchangeRecorder();
        var timeout = TimeSpan.FromSeconds(options.HttpTimeoutSeconds ?? profile.Timeouts.HttpSeconds);
        var trust = options.Insecure ? CertificateTrust.Insecure
            : profile.Tls.CaBundle is { } bundle ? CertificateTrust.WithBundle(bundle) : CertificateTrust.System;
        Trust = embedded?.Certificate is { } served ? trust.AlsoTrusting(served) : trust;
        Http = SuiteHttp.CreateClient(Recorder, new HttpSettings
        {
            Timeout = timeout, Trust = Trust, Throttling = Throttling, Stopping = _stopping.Token,
            MaxConcurrentRequests = profile.Load.MaxConcurrentRequests, MaxRetries = profile.Load.MaxRetries,
            MaxRetryAfter = TimeSpan.FromSeconds(profile.Load.MaxRetryAfterSeconds),
        });
        Tokens = new TokenClient(Http);
        ArtifactDirectory = Path.Combine(options.ReportDirectory, "artifacts");
        _browser = new Lazy<Task<BrowserSession>>(() => LaunchBrowserAsync(earlyDriver));
        _discovery = new Lazy<Task<DiscoveryFetch>>(() => Timed(RunTimings.Discovery, () => DiscoveryFetch.RunAsync(Http, FhirBaseUrl, "application/json", CancellationToken.None)));
    }

    /// <summary>
    /// The session of the run this code belongs to (see <see cref="BecomeCurrent"/>), else the only session alive in the
    /// process; the conformance fixtures read it.
    /// </summary>
    public static SuiteSession Current => Flowing.Value ?? OnlyAlive() ?? throw new InvalidOperationException(Alive.IsEmpty
        ? "No SmartConformance session is running."
        : "Several SmartConformance sessions are running and this code belongs to none of them (call BecomeCurrent first).");
    public static bool IsRunning => Flowing.Value is not null || !Alive.IsEmpty;

    private static SuiteSession? OnlyAlive()
    {
        var alive = Alive.Keys.Take(2).ToList();
        return alive.Count == 1 ? alive[0] : null;
    }

    /// <summary>Makes this the <see cref="Current"/> session of the calling async flow and of everything it starts from now on.</summary>
    public void BecomeCurrent() => Flowing.Value = this;

    public ServerProfile Profile { get; }
    public RunOptions Options { get; }
    public Uri FhirBaseUrl { get; }
    public RedirectListener Redirects { get; }
    public string RedirectUri => Redirects.CallbackUri.ToString();
    public ExchangeRecorder Recorder { get; }
    public HttpClient Http { get; }
    public TokenClient Tokens { get; }
    public string ArtifactDirectory { get; }
    /// <summary>Run-level remarks for the report (profile warnings, loopback http...), in the order they were made.</summary>
    public IReadOnlyList<string> Notices { get { lock (_notices) return [.. _notices]; } }
    /// <summary>The FHIR base that serves data without authorization, when the profile names one.</summary>
    public Uri? OpenFhirBaseUrl { get; }
    /// <summary>Another protected FHIR base of the same authorization server, when the profile names one (RS-09).</summary>
    public Uri? SecondFhirBaseUrl { get; }
    public IReadOnlyList<string> Faults => _embedded is null ? [] : EffectiveFaults(Profile, Options);

    public EvidenceLedger Evidence { get; } = new();
    /// <summary>Where the run's time went, by phase, for report.json's timings and the benchmark.</summary>
    public RunTimings Timings { get; } = new();
    /// <summary>Which TLS certificates the run trusts (system store, the profile's CA bundle, the embedded server's own, or all under --insecure).</summary>
    public CertificateTrust Trust { get; }
    /// <summary>Every 429 the server answered and what the suite did about it.</summary>
    public ThrottleLog Throttling { get; } = new();
    /// <summary>Cancelled when the run is interrupted or reaches its time limit; long waits should observe it.</summary>
    public CancellationToken Stopping => _stopping.Token;

    /// <summary>
    /// Ends everything in flight: HTTP requests are cancelled and the browser is closed, so a check that is waiting
    /// on the server returns at once. Used when the run is interrupted or reaches its time limit.
    /// </summary>
    public async Task StopAsync()
    {
        if (_stopping.IsCancellationRequested) return;
        await _stopping.CancelAsync();
        await CloseBrowserAsync();
    }

    public Task<DiscoveryFetch> DiscoveryAsync() => _discovery.Value;

    /// <summary>The discovery document if a check already fetched it; never starts a fetch.</summary>
    public SmartConfiguration? FetchedDiscovery =>
        _discovery.IsValueCreated && _discovery.Value.IsCompletedSuccessfully ? _discovery.Value.Result.Configuration : null;
    /// <summary>Adds a run-level notice once (a second identical notice is dropped).</summary>
    public void Notice(string text)
    {
        lock (_notices) if (!_notices.Contains(text)) _notices.Add(text);
    }

    /// <summary>
    /// Evidence that several checks share (a launch, a refreshed token, an expiry probe), started once on first
    /// request and awaited by every check that needs it. Keys name the evidence: "ehr-launch", "expiry-probe".
    /// </summary>
    /// <remarks>
    /// The flow belongs to no check: it runs outside the asking check's async flow, its exchanges are owned by the shared
    /// key, and every check that asks for the key gets them as evidence. Which check happens to ask first (a race when
    /// fixtures run in parallel) changes nothing in the report.
    /// </remarks>
    public Task<T> Shared<T>(string key, Func<SuiteSession, Task<T>> start)
    {
        if (Recorder.Owner is { } asking) Evidence.UseShared(asking, key);
        return (Task<T>)_shared.GetOrAdd(key, _ => new Lazy<Task>(() => Detached(key, () => start(this)))).Value;
    }

    public Task<LaunchOutcome> StandalonePatientLaunchAsync() =>
        Shared("standalone-patient", s => StandaloneLaunch.RunAsync(s, "standalone-patient", s.Profile.Launches.StandalonePatient, CancellationToken.None));

    /// <summary>
    /// The launch's access token for a check that only reads FHIR with it: refreshed automatically when it is about to
    /// expire and the launch has a refresh_token (see <see cref="LaunchTokens"/>). Not for checks that test expiry.
    /// </summary>
    public Task<FreshToken> FreshAccessTokenAsync(LaunchOutcome launch, CancellationToken ct) =>
        _launchTokens.GetOrAdd(launch, l => new LaunchTokens(l, TimeProvider.System)).GetAsync(this, ct);

    private Task<T> Detached<T>(string key, Func<Task<T>> start) => StartDetached(() =>
    {
        Recorder.OwnFlow(EvidenceLedger.SharedOwner(key));
        return start();
    });

    /// <summary>
    /// Starts work in this session but outside the calling async flow: no check or shared key owns what it sends, and a
    /// check that starts shared evidence early for others (an expiry probe whose wait should begin now) is not taken to use it.
    /// </summary>
    public Task<T> StartDetached<T>(Func<Task<T>> work)
    {
        using (ExecutionContext.SuppressFlow())
        {
            return Task.Run(() =>
            {
                BecomeCurrent();
                return work();
            });
        }
    }

    /// <inheritdoc cref="StartDetached{T}"/>
    public Task StartDetached(Func<Task> work) => StartDetached(async () =>
    {
        await work();
        return true;
    });

    /// <summary>Which signed-in browser contexts a launch for this profile user may reuse; null when the profile turns reuse off.</summary>
    public string? SignInReuseKey(string user) => Profile.Browser.ReuseSignIn ? user : null;

    /// <summary>
    /// Starts the browser now, alongside the checks' own start, instead of when the first launch asks for it, so the
    /// first launch does not wait the browser's start-up out. A browser that cannot start fails the launches that ask for it.
    /// </summary>
    private void StartBrowserEarly() => _browser.Value.ContinueWith(t => t.Exception, CancellationToken.None,
        TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    public async Task<BrowserLaunchDriver> BrowserDriverAsync() =>
        new(await _browser.Value, Recorder, ArtifactDirectory, Options.Trace, Timings, Options.Screenshots, Redirects.CallbackUri);

    /// <param name="startBrowserEarly">
    /// For a run that certainly launches (every check selected): Playwright's driver starts alongside the target, and the
    /// browser as soon as the session exists, instead of when the first launch asks.
    /// </param>
    public static async Task<SuiteSession> StartAsync(ServerProfile profile, RunOptions options, IEmbeddedTargetFactory? embeddedFactory,
        IReadOnlyList<string> notices, CancellationToken ct = default, bool startBrowserEarly = false)
    {
        var redirects = RedirectListener.Start(profile.RedirectUri);
        var driver = startBrowserEarly ? BrowserProcess.StartDriverAsync() : null;
        try
        {
            EmbeddedTarget? embedded = null;
            Uri fhirBase;
            if (profile.TargetsEmbeddedServer)
            {
                if (embeddedFactory is null) throw new InvalidOperationException("The profile targets the embedded reference server, but it is not available in this host.");
                var lifetime = profile.Embedded?.AccessTokenLifetimeSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
                embedded = await embeddedFactory.StartAsync(new EmbeddedTargetRequest(EffectiveFaults(profile, options), [redirects.CallbackUri.ToString()], lifetime,
                    Https: profile.Embedded?.Https ?? false), ct);
                fhirBase = embedded.FhirBaseUrl;
            }
            else
            {
                if (options.Faults.Count > 0) throw new InvalidOperationException("--fault only applies to the embedded reference server (fhirBaseUrl \"embedded\").");
                fhirBase = new Uri(profile.FhirBaseUrl);
            }
            var session = new SuiteSession(profile, options, fhirBase, redirects, embedded, notices, driver);
            // Screenshots of an earlier run in the same folder would be mistaken for this run's evidence.
            if (Directory.Exists(session.ArtifactDirectory)) Directory.Delete(session.ArtifactDirectory, recursive: true);
            Alive[session] = 0;
            if (driver is not null) session.StartBrowserEarly();
            return session;
        }
        catch
        {
            await redirects.DisposeAsync();
            if (driver is not null) await BrowserProcess.DisposeUnusedDriverAsync(driver);
            throw;
        }
    }

    private static IReadOnlyList<string> EffectiveFaults(ServerProfile profile, RunOptions options) =>
        (profile.Embedded?.Faults ?? []).Concat(options.Faults).Distinct().ToList();

    private async Task<T> Timed<T>(string phase, Func<Task<T>> work)
    {
        using (Timings.Measure(phase)) return await work();
    }

    /// <param name="earlyDriver">Handed to the browser, which stops it if it cannot start; stopped here when there is no browser to start.</param>
    private Task<BrowserSession> LaunchBrowserAsync(Task<Microsoft.Playwright.IPlaywright>? earlyDriver) => Timed(RunTimings.Browser, async () =>
    {
        var headless = Options.Headless(Profile);
        string path;
        try { path = Options.LocateBrowser(Profile); }
        catch when (earlyDriver is not null)
        {
            await BrowserProcess.DisposeUnusedDriverAsync(earlyDriver);
            throw;
        }
        var browser = await BrowserSession.LaunchAsync(path, headless: headless, Profile.Browser.Args,
            ignoreHttpsErrors: Trust.TrustAll, trustedSpkiHashes: Trust.TrustedSpkiHashes, driver: earlyDriver);
        Notice($"Browser: {path} (version {browser.Browser.Version}, {(headless ? "headless" : "headed")}).");
        return browser;
    });

    private async Task CloseBrowserAsync()
    {
        if (!_browser.IsValueCreated) return;
        try { await (await _browser.Value).DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10)); }
        catch (Exception) { /* the launch failed, or the browser is already gone */ }
    }

    public async ValueTask DisposeAsync()
    {
        Alive.TryRemove(this, out _);
        // The browser and the reference server stop independently: side by side, the run ends when the slower one has.
        var browser = CloseBrowserAsync();
        Http.Dispose();
        await Redirects.DisposeAsync();
        if (_embedded is not null) await _embedded.Host.DisposeAsync();
        await browser;
        _stopping.Dispose();
    }
}
