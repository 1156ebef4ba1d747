using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PodExport.Cluster.Connection;

namespace PodExport.Cluster.Informers;

/// <summary>Runs the informers in the background from start-up until shutdown.</summary>
internal sealed class InformerHostedService(
    InformerSet informers,
    KubernetesConnection connection,
    ILogger<InformerHostedService> logger) : BackgroundService
{
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        Connection.Log.Connected(logger, connection.Source, connection.Configuration.Host);
        return base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => informers.RunAsync(stoppingToken);
}
