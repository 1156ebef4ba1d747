using System.Diagnostics.Metrics;

namespace PodExport.Cluster.Informers;

/// <summary>
/// The informers' instruments on meter <c>PodExport</c> (OPERATIONS.md §3). Tags stay low-cardinality: kind, event
/// type, reason; never an object's name or namespace.
/// </summary>
public sealed class InformerMetrics
{
    public const string MeterName = "PodExport";

    private readonly Counter<long> _events;
    private readonly Counter<long> _relists;
    private readonly Counter<long> _restarts;
    private volatile Func<IReadOnlyList<KindStatus>> _status = static () => [];

    public InformerMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _events = meter.CreateCounter<long>("podexport.informer.events", "{event}", "Watch events received, bookmarks included.");
        _relists = meter.CreateCounter<long>("podexport.informer.relists", "{relist}", "Complete lists applied, the initial one included.");
        _restarts = meter.CreateCounter<long>("podexport.informer.watch.restarts", "{restart}", "Watches started again, by the reason the previous one ended.");
        // OpenTelemetry.Exporter.Prometheus 1.20.1-beta.1 adds no "_ratio" for unit "1" (OPERATIONS.md assumes it
        // does), so the name carries it: Prometheus sees podexport_informer_synced_ratio, as the dashboard and rules query.
        meter.CreateObservableGauge("podexport.informer.synced.ratio", () => Observe(static s => s.Synced), "1", "1 once the kind's first list has been applied.");
        meter.CreateObservableGauge("podexport.informer.degraded", () => Observe(static s => s.Degraded), unit: null, description: "1 while the kind has been disconnected longer than Informer:DegradedAfterSeconds.");
    }

    /// <summary>Connects the observable gauges to the informer set that owns the state.</summary>
    public void ObserveStatus(Func<IReadOnlyList<KindStatus>> status) => _status = status;

    public void Event(string kind, string type) =>
        _events.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("type", type));

    public void Relist(string kind, string reason) =>
        _relists.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("reason", reason));

    public void WatchRestart(string kind, string reason) =>
        _restarts.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("reason", reason));

    private IEnumerable<Measurement<int>> Observe(Func<KindStatus, bool> flag)
    {
        foreach (var status in _status())
        {
            yield return new Measurement<int>(flag(status) ? 1 : 0, new KeyValuePair<string, object?>("kind", status.Kind));
        }
    }
}
