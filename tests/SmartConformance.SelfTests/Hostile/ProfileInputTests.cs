using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using SmartConformance.Cli.Running;
using SmartConformance.Harness.Profiles;
using SmartConformance.Harness.Session;
using SmartConformance.SelfTests.Support;

namespace SmartConformance.SelfTests.Hostile;

/// <summary>Bad input gets a clear error before anything runs; a run reads its profile and writes only its report folder.</summary>
[NonParallelizable]
public sealed class ProfileInputTests
{
    private static ProfileException Rejected(JsonObject profile)
    {
        var act = () => ProfileLoader.Parse(profile.ToJsonString(), Path.Combine(RepoPaths.NewTempDirectory("input"), "p.json"), _ => null);
        return act.Should().Throw<ProfileException>().Which;
    }

    private static JsonObject Valid() => HostileProfile.For("http://127.0.0.1:9/x/fhir", 8765);

    [Test]
    public void A_plain_http_endpoint_off_loopback_is_a_warning_not_an_error()
    {
        var profile = Valid();
        profile["fhirBaseUrl"] = "http://fhir.example.org/r4";
        var loaded = ProfileLoader.Parse(profile.ToJsonString(), "p.json", _ => null);
        loaded.Warnings.Should().ContainSingle(w => w.Path == "$.fhirBaseUrl" && w.Message.Contains("plain http") && w.Message.Contains("TLS"));
    }

    [Test]
    public async Task Profile_warnings_reach_the_report_as_notices()
    {
        var run = await HostileRuns.RunAsync(Behaviours.Baseline, changeProfile: p => p["embedded"] = new JsonObject(), filter: "DISC-01");
        run.ShouldHaveEndedCleanly(TimeSpan.FromSeconds(60));
        run.Report.Notices.Should().Contain(n => n.Contains("$.embedded") && n.Contains("only used when fhirBaseUrl is \"embedded\""));
        run.Console.Should().Contain("warning at $.embedded");
    }

    [Test]
    public async Task A_wrong_browser_path_says_what_to_install_and_writes_nothing()
    {
        var folder = RepoPaths.NewTempDirectory("nobrowser");
        var profile = Valid();
        profile["browser"] = new JsonObject { ["executablePath"] = "/no/such/chromium" };
        var path = HostileProfile.Write(profile, folder);
        var console = new StringWriter();

        var result = await SuiteRunner.RunAsync(new RunOptions { ProfilePath = path, ReportDirectory = Path.Combine(folder, "report") }, null, console);

        result.ExitCode.Should().Be(ExitCodes.CouldNotRun);
        console.ToString().Should().Contain("No browser at /no/such/chromium").And.Contain("apt-get install -y chromium").And.Contain("--browser");
        Directory.Exists(Path.Combine(folder, "report")).Should().BeFalse();
    }

    [Test]
    public void A_ca_bundle_that_is_missing_or_not_pem_is_named()
    {
        var missing = Valid();
        missing["tls"] = new JsonObject { ["caBundle"] = "certs/none.pem" };
        Rejected(missing).Problems.Should().Contain(p => p.Path == "$.tls.caBundle" && p.Message.Contains("no file at") && p.Message.Contains("none.pem"));

        var notPem = Valid();
        var file = Path.Combine(RepoPaths.NewTempDirectory("notpem"), "bundle.pem");
        File.WriteAllText(file, "this is not a certificate");
        notPem["tls"] = new JsonObject { ["caBundle"] = file };
        Rejected(notPem).Problems.Should().Contain(p => p.Path == "$.tls.caBundle" && p.Message.Contains("not a PEM certificate bundle"));
    }

    [Test]
    public void A_field_given_twice_is_named_instead_of_crashing()
    {
        var json = Valid().ToJsonString();
        var text = json[..^1] + ",\"name\": \"again\"}";
        var act = () => ProfileLoader.Parse(text, "p.json", _ => null);
        act.Should().Throw<ProfileException>().Which.Message.Should().Contain("not valid JSON").And.Contain("name");
    }

    [Test]
    public void Time_limits_must_be_positive()
    {
        var profile = Valid();
        profile["timeouts"]!["runSeconds"] = 0;
        Rejected(profile).Problems.Should().Contain(p => p.Path == "$.timeouts.runSeconds");
    }

    [Test]
    public async Task A_run_never_writes_its_profile_back_and_writes_nothing_outside_its_report_folder_and_temp()
    {
        const string variable = "SMART_HOSTILE_PASSWORD";
        Environment.SetEnvironmentVariable(variable, HostileProfile.Password);
        var workingDirectory = RepoPaths.NewTempDirectory("cwd");
        var previous = Directory.GetCurrentDirectory();
        var repoBefore = Snapshot(RepoPaths.Root);
        try
        {
            Directory.SetCurrentDirectory(workingDirectory);
            var server = await HostileFixture.ServerAsync();
            var folder = RepoPaths.NewTempDirectory("untouched");
            var profile = HostileProfile.For(server.FhirBase(Behaviours.Baseline), HostileFixture.FreePort());
            profile["users"]![0]!["password"] = $"${{ENV:{variable}}}";
            var path = HostileProfile.Write(profile, folder);
            var bytes = await File.ReadAllBytesAsync(path);
            var written = File.GetLastWriteTimeUtc(path);

            var result = await SuiteRunner.RunAsync(new RunOptions { ProfilePath = path, ReportDirectory = Path.Combine(folder, "report") }, null, new StringWriter());

            result.Report!.Checks.Single(c => c.Id == "AUTHZ-01").Verdict.Should().Be("pass", "the substituted password logged in");
            (await File.ReadAllBytesAsync(path)).Should().Equal(bytes, "the profile (with its ${ENV:...} placeholder) is never written back");
            File.GetLastWriteTimeUtc(path).Should().Be(written);
            Directory.GetFileSystemEntries(folder).Select(Path.GetFileName).Should().BeEquivalentTo(["hostile-profile.json", "report"]);
            Directory.GetFileSystemEntries(workingDirectory).Should().BeEmpty("nothing lands in the working directory");
            Snapshot(RepoPaths.Root).Should().BeEquivalentTo(repoBefore, "nothing lands in the repository");
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    /// <summary>Every source and data file of the repository with its write time (build output and git excluded).</summary>
    private static Dictionary<string, DateTime> Snapshot(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or ".git" or "TestResults"))
            .ToDictionary(f => f, File.GetLastWriteTimeUtc);
}
