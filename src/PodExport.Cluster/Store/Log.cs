using Microsoft.Extensions.Logging;

namespace PodExport.Cluster.Store;

internal static partial class Log
{
    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Pod store synced: {Pods} pods, {Owners} owners")]
    public static partial void Synced(ILogger logger, int pods, int owners);

    [LoggerMessage(EventId = 102, Level = LogLevel.Debug, Message = "Pod list applied: {Changes} changes, initial {Initial}")]
    public static partial void PodListApplied(ILogger logger, int changes, bool initial);

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "Ignoring pod {Namespace}/{Name} without metadata.uid")]
    public static partial void PodWithoutUid(ILogger logger, string? @namespace, string? name);

    [LoggerMessage(EventId = 104, Level = LogLevel.Error, Message = "Could not apply pod {Namespace}/{Name} ({Uid}); the update is skipped")]
    public static partial void PodFailed(ILogger logger, Exception exception, string? @namespace, string? name, string uid);

    [LoggerMessage(EventId = 105, Level = LogLevel.Error, Message = "Retention sweep failed; it runs again at the next interval")]
    public static partial void SweepFailed(ILogger logger, Exception exception);
}
