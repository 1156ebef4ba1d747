using Microsoft.Extensions.Options;

namespace PodExport.Simulator.Hosting;

/// <summary>
/// Runs a <see cref="SimulatorHost"/> for the lifetime of a generic host (the gateway's <c>--simulate</c> mode).
/// Registered before the informers, it is listening by the time they start; <see cref="Started"/> gives its address.
/// </summary>
public sealed class SimulatorHostedService(IOptions<SimulatorOptions> options) : IHostedService, IAsyncDisposable
{
    private readonly TaskCompletionSource<SimulatorHost> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the running simulator once <see cref="StartAsync"/> has run.</summary>
    public Task<SimulatorHost> Started => _started.Task;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            _started.TrySetResult(await SimulatorHost.StartAsync(options.Value, cancellationToken));
        }
        catch (Exception e)
        {
            _started.TrySetException(e);
            throw;
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_started.Task.IsCompletedSuccessfully)
        {
            await _started.Task.Result.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);
}
