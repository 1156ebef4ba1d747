using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PodExport.Cluster.Identity;
using PodExport.Cluster.Store;

namespace PodExport.Cluster.Tests.Fixtures;

/// <summary>A pod store on a fake clock with test-scoped metrics, already told the §11 cluster id.</summary>
public sealed class StoreHarness : IDisposable
{
    public StoreHarness(StoreOptions? options = null, string? clusterName = "prod")
    {
        Options = options ?? new StoreOptions();
        Time = new FakeTimeProvider(new DateTimeOffset(2024, 5, 1, 11, 0, 0, TimeSpan.Zero));
        Meters = new TestMeterFactory();
        Identity = new ClusterIdentity(
            Microsoft.Extensions.Options.Options.Create(new ClusterOptions { Id = WorkedExample.ClusterId, Name = clusterName }),
            NullLogger<ClusterIdentity>.Instance);
        var wrapped = Microsoft.Extensions.Options.Options.Create(Options);
        Metrics = new StoreMetrics(Meters, wrapped);
        Store = new PodStore(wrapped, Identity, Metrics, Time, NullLogger<PodStore>.Instance);
    }

    public StoreOptions Options { get; }

    public FakeTimeProvider Time { get; }

    public TestMeterFactory Meters { get; }

    public ClusterIdentity Identity { get; }

    public StoreMetrics Metrics { get; }

    public PodStore Store { get; }

    public void Dispose()
    {
        Store.Dispose();
        Meters.Dispose();
    }
}
