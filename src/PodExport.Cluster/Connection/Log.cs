using Microsoft.Extensions.Logging;

namespace PodExport.Cluster.Connection;

/// <summary>Connection log messages; event ids 4200–4299.</summary>
internal static partial class Log
{
    [LoggerMessage(4200, LogLevel.Information, "Cluster identity: id {ClusterId} ({Source}), name {ClusterName}")]
    public static partial void ClusterIdentityResolved(ILogger logger, string clusterId, string source, string clusterName);

    [LoggerMessage(4201, LogLevel.Warning, "Cluster:Name is not set; this cluster is called \"default\", like every other cluster without a name")]
    public static partial void ClusterNameUnset(ILogger logger);

    [LoggerMessage(4202, LogLevel.Information, "Kubernetes connection: {Source}, server {Host}")]
    public static partial void Connected(ILogger logger, string source, string? host);
}
