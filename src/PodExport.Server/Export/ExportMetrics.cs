using System.Diagnostics.Metrics;
using PodExport.Model.Wire;

namespace PodExport.Server.Export;

/// <summary>
/// The export's instruments on the <c>PodExport</c> meter (OPERATIONS.md §3), created once. Tags stay low-cardinality:
/// never a pod, namespace, user or query.
/// </summary>
public sealed class ExportMetrics
{
    public const string MeterName = "PodExport";

    // Seconds, because the SDK's default buckets suit milliseconds; exports run from milliseconds to the 600 s cap.
    private static readonly double[] DurationBuckets =
        [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600];

    private readonly Counter<long> _requests;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _pods;
    private readonly Counter<long> _bytes;
    private readonly Counter<long> _parseErrors;

    public ExportMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(new MeterOptions(MeterName) { Version = typeof(ExportMetrics).Assembly.GetName().Version?.ToString() });
        _requests = meter.CreateCounter<long>("podexport.export.requests", "{request}", "Export requests by outcome and gRPC code.");
        _duration = meter.CreateHistogram(
            "podexport.export.duration",
            "s",
            "Duration of export requests.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _pods = meter.CreateCounter<long>("podexport.export.pods", "{pod}", "Pods written by exports.");
        _bytes = meter.CreateCounter<long>("podexport.export.bytes", "By", "Uncompressed body bytes written by exports.");
        _parseErrors = meter.CreateCounter<long>("podexport.query.parse_errors", "{error}", "Queries rejected by the query compiler.");
    }

    /// <summary>Records one finished export request.</summary>
    public void RecordExport(ExportOutcome outcome, RpcCode code, double seconds, long pods, long bytes)
    {
        var outcomeTag = new KeyValuePair<string, object?>("outcome", outcome.ToTag());
        _requests.Add(1, outcomeTag, new KeyValuePair<string, object?>("code", (int)code));
        _duration.Record(seconds, outcomeTag);
        if (pods > 0)
        {
            _pods.Add(pods);
        }

        if (bytes > 0)
        {
            _bytes.Add(bytes);
        }
    }

    public void RecordQueryParseError() => _parseErrors.Add(1);
}
