using Microsoft.Extensions.Hosting;

namespace SmartConformance.ReferenceServer.Hosting;

/// <summary>
/// Replaces the console lifetime: an embedded server must not hook Ctrl+C or SIGTERM of the process that hosts it.
/// The owner stops it by disposing <see cref="ReferenceServerHost"/>.
/// </summary>
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
