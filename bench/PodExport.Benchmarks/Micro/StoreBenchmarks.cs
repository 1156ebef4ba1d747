using BenchmarkDotNet.Attributes;
using k8s.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PodExport.Benchmarks.Fixtures;
using PodExport.Cluster.Informers;
using PodExport.Cluster.Store;
using PodExport.Model.Records;

namespace PodExport.Benchmarks.Micro;

/// <summary>
/// The pod store at 100 000 pods: a snapshot (what every export starts with), one watch event, and an event
/// followed by a snapshot (the publish after a change copies the ordered list).
/// </summary>
[MemoryDiagnoser]
public class StoreBenchmarks
{
    private ServiceProvider _services = null!;
    private PodStore _store = null!;
    private V1Pod[] _variants = null!;
    private int _next;

    [Params(100_000)]
    public int Pods { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Cluster:Id"] = SamplePods.ClusterId, ["Cluster:Name"] = "bench" })
            .Build();
        _services = new ServiceCollection().AddLogging().AddMetrics().AddPodExportStore(configuration).BuildServiceProvider();
        _store = _services.GetRequiredService<PodStore>();
        var changes = new List<ResourceEvent<V1Pod>>(Pods);
        for (var i = 0; i < Pods; i++)
        {
            changes.Add(new ResourceEvent<V1Pod>(ResourceEventType.Added, SamplePods.V1Pod(i)));
        }

        _store.OnList(changes, initial: true);

        // Two states of one pod that differ in a container's restart, so each event really changes the record.
        var a = SamplePods.V1Pod(Pods / 2, resourceVersion: 2);
        var b = SamplePods.V1Pod(Pods / 2, resourceVersion: 3);
        b.Status.ContainerStatuses[1].RestartCount = 1;
        b.Status.ContainerStatuses[1].State.Running.StartedAt = DateTime.SpecifyKind(new DateTime(2024, 5, 1, 10, 30, 0), DateTimeKind.Utc);
        _variants = [a, b];
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark]
    public PodSnapshot TakeSnapshot() => _store.TakeSnapshot();

    [Benchmark]
    public void ApplyWatchEvent() =>
        _store.OnEvent(new ResourceEvent<V1Pod>(ResourceEventType.Modified, _variants[_next++ & 1]));

    [Benchmark]
    public PodSnapshot ApplyWatchEventThenSnapshot()
    {
        _store.OnEvent(new ResourceEvent<V1Pod>(ResourceEventType.Modified, _variants[_next++ & 1]));
        return _store.TakeSnapshot();
    }
}
