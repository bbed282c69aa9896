using System.Text;
using FluentAssertions;
using NUnit.Framework;
using SmartConformance.SelfTests.Support;

namespace SmartConformance.SelfTests.EndToEnd;

[NonParallelizable]
public sealed class SecretLeakTests
{
    [Test]
    public async Task No_secret_the_run_saw_reaches_any_report_file()
    {
        var (result, dir, console) = await SuiteRuns.FaultlessAsync();
        var secrets = result.Redactor!.Secrets.Where(s => s.Length >= 8).ToList();
        secrets.Should().Contain("amy-password").And.HaveCountGreaterThan(3, "the run saw a password, a code, a verifier and tokens");

        var outputs = Directory.GetFiles(dir, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".png")).Select(File.ReadAllText).Append(console).ToList();
        foreach (var secret in secrets)
            foreach (var form in new[] { secret, Uri.EscapeDataString(secret), Convert.ToBase64String(Encoding.UTF8.GetBytes(secret)) }.Distinct())
                outputs.Should().NotContain(o => o.Contains(form), $"the secret ending …{secret[^4..]} must be redacted");
    }
}
