using NUnit.Framework;
using SmartConformance.Tests.Framework;

namespace SmartConformance.Tests.Token;

/// <summary>Base of the OAuth fixtures: the first of them to run starts the slow shared evidence (the expiry probe).</summary>
public abstract class OAuthChecks : ConformanceFixture
{
    [OneTimeSetUp]
    public void StartSlowEvidence() => OAuthEvidence.StartEarly();
}
