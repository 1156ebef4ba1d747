namespace PodExport.Server.Export;

internal static partial class Log
{
    [LoggerMessage(
        EventId = 1001,
        Level = LogLevel.Information,
        Message = "Export finished: caller {Caller}, query {Query}, {NamespaceCount} namespaces, {Pods} pods, {Bytes} bytes, {DurationSeconds:0.000} s, code {Code} ({Outcome})")]
    public static partial void ExportFinished(
        ILogger logger, string caller, string query, int namespaceCount, long pods, long bytes, double durationSeconds, int code, string outcome);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "Export failed unexpectedly after {Pods} pods")]
    public static partial void ExportFailed(ILogger logger, Exception exception, long pods);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Export response aborted: code {Code} ({Message}) could not be written to the client")]
    public static partial void ExportAborted(ILogger logger, int code, string message);
}
