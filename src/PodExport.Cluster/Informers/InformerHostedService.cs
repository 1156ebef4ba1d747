using k8s;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PodExport.Cluster.Connection;
using PodExport.Cluster.Identity;

namespace PodExport.Cluster.Informers;

/// <summary>
/// Start-up checks the cluster answers and settles its identity (the kube-system UID unless <c>Cluster:Id</c> is
/// set), failing start-up with a clear message when it cannot; then the informers run until shutdown. They start
/// only after the identity is known, so every pod record gets its cluster id. The client is created here, not when
/// the host builds its hosted services, after awaiting a <see cref="ClusterHostSource"/> when one is registered (the
/// in-process simulator of <c>--simulate</c>, started by a hosted service registered earlier).
/// </summary>
internal sealed class InformerHostedService(
    IServiceProvider services,
    IOptions<InformerOptions> options,
    TimeProvider time,
    ILogger<InformerHostedService> logger) : BackgroundService
{
    private InformerSet? _informers;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<ClusterHostSource>() is { } hostSource)
        {
            await hostSource.ResolveAsync(services, cancellationToken);
        }

        var connection = services.GetRequiredService<KubernetesConnection>();
        var client = services.GetRequiredService<IKubernetes>();
        var identity = services.GetRequiredService<ClusterIdentity>();
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

        _informers = services.GetRequiredService<InformerSet>();
        services.GetRequiredService<InformerStartup>().Informers = _informers;
        await base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        _informers?.RunAsync(stoppingToken) ?? Task.CompletedTask;
}
