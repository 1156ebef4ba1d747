using Microsoft.Extensions.Hosting;

namespace PodExport.Server.Tests.Testing;

/// <summary>
/// A hosted service that holds the host's shutdown until the test opens it, as slow-stopping informers would: the
/// host stops hosted services in reverse order, so this one (registered last) stops first and the server keeps
/// answering after <c>ApplicationStopping</c>.
/// </summary>
internal sealed class ShutdownGate : IHostedService
{
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => _open.Task.WaitAsync(HttpTestExtensions.Timeout, cancellationToken);

    public void Open() => _open.TrySetResult();
}
