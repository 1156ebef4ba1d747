using k8s;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PodExport.Cluster.Connection;
using PodExport.Cluster.Identity;

namespace PodExport.Cluster.Informers;

/// <summary>
/// Start-up checks the cluster answers and settles its identity (the kube-system UID unless <c>Cluster:Id</c> is
/// set), failing start-up with a clear message when it cannot; then the informers run until shutdown. They start
/// only after the identity is known, so every pod record gets its cluster id.
/// </summary>
internal sealed class InformerHostedService(
    InformerSet informers,
    IKubernetes client,
    KubernetesConnection connection,
    ClusterIdentity identity,
    IOptions<InformerOptions> options,
    TimeProvider time,
    ILogger<InformerHostedService> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        Connection.Log.Connected(logger, connection.Source, connection.Configuration.Host);
        var limit = TimeSpan.FromSeconds(options.Value.StartupTimeoutSeconds);
        using var timeout = new CancellationTokenSource(limit, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            if (identity.NeedsKubeSystemUid)
            {
                identity.UseKubeSystemUid(await KubeSystemNamespace.ReadUidAsync(client, linked.Token));
            }
            else
            {
                await ClusterReachability.VerifyAsync(client, connection, linked.Token);
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new ClusterConnectionException($"The Kubernetes API server {client.BaseUri} ({connection.Source}) did not answer within {limit.TotalSeconds:0} s at start-up.");
        }

        await base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => informers.RunAsync(stoppingToken);
}
