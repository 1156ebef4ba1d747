using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PodExport.Cluster.Connection;

namespace PodExport.Cluster.Informers;

/// <summary>
/// Start-up reads the cluster identity (failing start-up when it cannot), then the informers run in the background
/// until shutdown.
/// </summary>
internal sealed class InformerHostedService(
    InformerSet informers,
    ClusterIdentityProvider identity,
    KubernetesConnection connection,
    IOptions<InformerOptions> options,
    TimeProvider time,
    ILogger<InformerHostedService> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        Connection.Log.Connected(logger, connection.Source, connection.Configuration.Host);
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(options.Value.StartupTimeoutSeconds), time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
        try
        {
            await identity.ResolveAsync(linked.Token);
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new ClusterConnectionException($"No answer from {connection.Configuration.Host} ({connection.Source}) within {options.Value.StartupTimeoutSeconds} s while reading the cluster identity.");
        }

        await base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => informers.RunAsync(stoppingToken);
}
