using Microsoft.Extensions.Logging;

namespace PodExport.Cluster.Informers;

/// <summary>Informer log messages; event ids 4100–4199.</summary>
internal static partial class Log
{
    [LoggerMessage(4100, LogLevel.Debug, "{Kind}{Scope}: listing ({Reason}) at resourceVersion \"{ResourceVersion}\", limit {Limit}")]
    public static partial void ListStarted(ILogger logger, string kind, string scope, string reason, string resourceVersion, int? limit);

    [LoggerMessage(4101, LogLevel.Information, "{Kind}{Scope}: applied list ({Reason}) at resourceVersion {ResourceVersion}: {Count} objects, {Added} added, {Modified} modified, {Deleted} deleted")]
    public static partial void ListApplied(ILogger logger, string kind, string scope, string reason, string? resourceVersion, int count, int added, int modified, int deleted);

    [LoggerMessage(4102, LogLevel.Information, "{Kind}{Scope}: list at resourceVersion \"{ResourceVersion}\" answered {Answer}; listing again at the newest resourceVersion")]
    public static partial void ListFresh(ILogger logger, string kind, string scope, string resourceVersion, string answer);

    [LoggerMessage(4103, LogLevel.Information, "{Kind}{Scope}: continue token expired on page {Page}; listing once without paging")]
    public static partial void ListUnpaged(ILogger logger, string kind, string scope, int page);

    [LoggerMessage(4104, LogLevel.Warning, "{Kind}{Scope}: list failed ({Failure}); retrying in {Delay}")]
    public static partial void ListFailed(ILogger logger, string kind, string scope, string failure, TimeSpan delay, Exception exception);

    [LoggerMessage(4105, LogLevel.Debug, "{Kind}{Scope}: watching from resourceVersion {ResourceVersion}, timeoutSeconds {TimeoutSeconds}")]
    public static partial void WatchStarted(ILogger logger, string kind, string scope, string resourceVersion, int timeoutSeconds);

    [LoggerMessage(4106, LogLevel.Debug, "{Kind}{Scope}: watch ended ({Ending}) after {Events} events and {Elapsed}")]
    public static partial void WatchEnded(ILogger logger, string kind, string scope, WatchEnding ending, int events, TimeSpan elapsed);

    [LoggerMessage(4107, LogLevel.Information, "{Kind}{Scope}: resourceVersion {ResourceVersion} expired; relisting in {Delay}")]
    public static partial void WatchExpired(ILogger logger, string kind, string scope, string? resourceVersion, TimeSpan delay);

    [LoggerMessage(4108, LogLevel.Warning, "{Kind}{Scope}: watch ended with unexpected status {Code} {Reason}: {Message}; relisting in {Delay}")]
    public static partial void WatchUnexpectedStatus(ILogger logger, string kind, string scope, int code, string? reason, string? message, TimeSpan delay);

    [LoggerMessage(4109, LogLevel.Warning, "{Kind}{Scope}: watch failed ({Ending}); watching again in {Delay}")]
    public static partial void WatchRetry(ILogger logger, string kind, string scope, WatchEnding ending, TimeSpan delay);

    [LoggerMessage(4110, LogLevel.Information, "{Kind}{Scope}: watch idle for {Idle} or past its deadline; watching again")]
    public static partial void WatchIdle(ILogger logger, string kind, string scope, TimeSpan idle);

    [LoggerMessage(4111, LogLevel.Warning, "{Kind}{Scope}: undecodable watch line ({Message}); watching again from resourceVersion {ResourceVersion}")]
    public static partial void WatchDecodeError(ILogger logger, string kind, string scope, string message, string? resourceVersion);

    [LoggerMessage(4112, LogLevel.Information, "{Kind}{Scope}: watch closed within {Elapsed} without events; relisting in {Delay}")]
    public static partial void WatchTooShort(ILogger logger, string kind, string scope, TimeSpan elapsed, TimeSpan delay);

    [LoggerMessage(4113, LogLevel.Information, "{Kind}{Scope}: watch keeps failing with 500 InternalError for {Elapsed}; relisting in {Delay}")]
    public static partial void WatchInternalErrorsRelist(ILogger logger, string kind, string scope, TimeSpan elapsed, TimeSpan delay);

    [LoggerMessage(4114, LogLevel.Error, "{Kind}{Scope}: an event handler failed; relisting in {Delay}")]
    public static partial void HandlerFailed(ILogger logger, string kind, string scope, TimeSpan delay, Exception exception);

    [LoggerMessage(4115, LogLevel.Information, "{Kind}: synced")]
    public static partial void KindSynced(ILogger logger, string kind);

    [LoggerMessage(4116, LogLevel.Information, "All {Count} informer kinds synced")]
    public static partial void AllSynced(ILogger logger, int count);

    [LoggerMessage(4117, LogLevel.Information, "Informers starting for {Scope}; owners first, pods after the owners' initial lists")]
    public static partial void Starting(ILogger logger, string scope);

    [LoggerMessage(4118, LogLevel.Critical, "{Kind}{Scope}: reflector loop stopped unexpectedly")]
    public static partial void ReflectorCrashed(ILogger logger, string kind, string scope, Exception exception);
}
