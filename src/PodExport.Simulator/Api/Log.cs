
namespace PodExport.Simulator.Api;

internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Method} {Path}{Query} -> {Status} {Ending} fault={Fault} in {ElapsedMs:F1} ms")]
    public static partial void RequestEnded(ILogger logger, string method, string path, string query, int status, RequestEnding ending, string fault, double elapsedMs);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Watch {Id} on {Path}{Query} started at RV {ResourceVersion}")]
    public static partial void WatchStarted(ILogger logger, long id, string path, string query, long resourceVersion);
}
