using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;

namespace PodExport.Cluster.Store;

/// <summary>
/// The pod store's instruments (pod-model M-34, OPERATIONS.md §3), on meter <c>PodExport</c>. The store pushes its
/// counts here after each change; the gauges read the last values.
/// </summary>
public sealed class StoreMetrics
{
    public const string MeterName = "PodExport";

    private readonly Counter<long> _evicted;
    private readonly Counter<long> _dropped;
    private long _live;
    private long _retained;
    private long _terminated;

    public StoreMetrics(IMeterFactory meterFactory, IOptions<StoreOptions> options)
    {
        var meter = meterFactory.Create(new MeterOptions(MeterName) { Version = typeof(StoreMetrics).Assembly.GetName().Version?.ToString() });
        var limits = options.Value;

        meter.CreateObservableGauge(
            "podexport.pods",
            () => new[]
            {
                new Measurement<long>(Volatile.Read(ref _live), new KeyValuePair<string, object?>("state", "live")),
                new Measurement<long>(Volatile.Read(ref _retained), new KeyValuePair<string, object?>("state", "deleted")),
            },
            unit: "{pod}",
            description: "Pods held by the store; deleted = retained deleted pods.");
        meter.CreateObservableGauge(
            "podexport.terminated_instances",
            () => Volatile.Read(ref _terminated),
            unit: "{instance}",
            description: "Terminated container instances held in all buckets.");
        _evicted = meter.CreateCounter<long>(
            "podexport.terminated_instances.evicted",
            unit: "{instance}",
            description: "Terminated instances removed by the per-container cap.");
        _dropped = meter.CreateCounter<long>(
            "podexport.deleted_pods.dropped",
            unit: "{pod}",
            description: "Retained deleted pods removed, by reason.");
        meter.CreateObservableGauge(
            "podexport.limit",
            () => new[]
            {
                new Measurement<long>(limits.TerminatedInstancesPerContainer, new KeyValuePair<string, object?>("limit", "terminated_instances_per_container")),
                new Measurement<long>(limits.MaxRetainedDeletedPods, new KeyValuePair<string, object?>("limit", "retained_deleted_pods")),
            },
            unit: "{item}",
            description: "Configured caps of the pod store.");
    }

    internal void SetHeld(long live, long retained, long terminated)
    {
        Volatile.Write(ref _live, live);
        Volatile.Write(ref _retained, retained);
        Volatile.Write(ref _terminated, terminated);
    }

    internal void Evicted(long count)
    {
        if (count > 0)
        {
            _evicted.Add(count);
        }
    }

    internal void Dropped(string reason) => _dropped.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
