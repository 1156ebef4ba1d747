using Microsoft.Extensions.Logging;

namespace PodExport.Cluster.Connection;

/// <summary>Connection log messages; event ids 4200–4299.</summary>
internal static partial class Log
{
    [LoggerMessage(4200, LogLevel.Information, "Kubernetes connection: {Source}, server {Host}")]
    public static partial void Connected(ILogger logger, string source, string? host);
}
