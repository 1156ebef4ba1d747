namespace PodExport.Cluster.Connection;

/// <summary>
/// An API server address that is known only once the host runs: <c>--simulate</c> starts the simulator as a hosted
/// service on a port it picks. The informers' hosted service awaits it before creating the client, and it then wins
/// over every other source, <c>Cluster:Host</c> included. Register with
/// <c>AddPodExportClusterHost</c>, and register the simulator's hosted service before the informers.
/// </summary>
public sealed class ClusterHostSource(Func<IServiceProvider, CancellationToken, Task<string>> resolve)
{
    private volatile string? _host;

    /// <summary>The resolved address; null until <see cref="ResolveAsync"/> has run.</summary>
    public string? Host => _host;

    public async Task<string> ResolveAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        return _host ??= await resolve(services, cancellationToken);
    }
}
