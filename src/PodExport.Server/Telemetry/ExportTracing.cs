using System.Diagnostics;
using PodExport.Model.Wire;

namespace PodExport.Server.Telemetry;

/// <summary>
/// The <c>PodExport</c> activity source and the export span: one per export request, a child of ASP.NET Core's
/// request span, carrying what the S-16 log line says except the caller (OPERATIONS.md §3).
/// </summary>
public static class ExportTracing
{
    /// <summary>Name of the activity source and of the meter (OPERATIONS.md §3).</summary>
    public const string SourceName = "PodExport";

    public const string ExportSpanName = "export pods";

    public const string QueryAttribute = "podexport.export.query";
    public const string NamespacesAttribute = "podexport.export.namespaces";
    public const string PodsAttribute = "podexport.export.pods";
    public const string BytesAttribute = "podexport.export.bytes";
    public const string OutcomeAttribute = "podexport.export.outcome";
    public const string CodeAttribute = "podexport.export.code";

    public static ActivitySource Source { get; } = new(SourceName, typeof(ExportTracing).Assembly.GetName().Version?.ToString());

    /// <summary>Starts the export span; null when nothing listens.</summary>
    public static Activity? StartExport() => Source.StartActivity(ExportSpanName, ActivityKind.Internal);

    /// <summary>Tags the finished export; the caller disposes the span.</summary>
    public static void Finish(Activity? activity, string query, int namespaces, long pods, long bytes, string outcome, RpcStatus status)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag(QueryAttribute, query);
        activity.SetTag(NamespacesAttribute, namespaces);
        activity.SetTag(PodsAttribute, pods);
        activity.SetTag(BytesAttribute, bytes);
        activity.SetTag(OutcomeAttribute, outcome);
        activity.SetTag(CodeAttribute, (int)status.Code);

        // A client that went away is not a failure of the export (the same line as the metrics' outcome).
        if (status.Code is not RpcCode.Ok and not RpcCode.Canceled)
        {
            activity.SetStatus(ActivityStatusCode.Error, status.Message);
        }
    }
}
