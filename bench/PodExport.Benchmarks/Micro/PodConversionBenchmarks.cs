using BenchmarkDotNet.Attributes;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using PodExport.Benchmarks.Fixtures;
using PodExport.Cluster.Identity;
using PodExport.Cluster.Pods;
using PodExport.Cluster.Workloads;
using PodExport.Model.Records;

namespace PodExport.Benchmarks.Micro;

/// <summary>
/// One watch event's worth of work outside the store's bookkeeping: a <see cref="V1Pod"/> becomes an observation,
/// its owner is resolved, and the pipeline builds the record (which renders the line).
/// </summary>
[MemoryDiagnoser]
public class PodConversionBenchmarks
{
    private static readonly DateTimeOffset Now = new(2024, 5, 1, 11, 0, 0, TimeSpan.Zero);

    private readonly PodConverter _converter = new(includeInitContainers: false, includeEphemeralContainers: false);
    private readonly WorkloadGraph _graph = new();
    private V1Pod _pod = null!;
    private PodPipeline _pipeline = null!;
    private Guid _clusterId;

    [GlobalSetup]
    public void Setup()
    {
        // Pod 10 crash-loops, so its record has a terminated instance.
        _pod = SamplePods.V1Pod(10);
        var identity = new ClusterIdentity(
            Microsoft.Extensions.Options.Options.Create(new ClusterOptions { Id = SamplePods.ClusterId, Name = "bench" }),
            NullLogger<ClusterIdentity>.Instance);
        _clusterId = identity.IdGuid;
        _pipeline = new PodPipeline(10, identity);
    }

    [Benchmark]
    public PodObservation Convert() => _converter.Convert(_pod, Now);

    [Benchmark]
    public PodRecord ConvertToRecord()
    {
        var observation = _converter.Convert(_pod, Now);
        var owner = _graph.Resolve(observation.Owner, _clusterId);
        return _pipeline.Apply(null, observation, owner, out _).Record;
    }
}
