using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using PodExport.Cluster.Store;
using PodExport.Cluster.Tests.Fixtures;
using static PodExport.Cluster.Tests.Fixtures.Objects;

namespace PodExport.Cluster.Tests.Store;

/// <summary>Deleted pods: which are retained, and when they go (pod-model M-24 to M-26, M-34).</summary>
public sealed class PodStoreRetentionTests
{
    private static readonly Dictionary<string, string> ApiServer = new() { ["component"] = "kube-apiserver" };

    private static k8s.Models.V1Pod RsPod(string name, string uid) =>
        Pod(name, uid, owners: [Ref("ReplicaSet", "web-7d9c6b5f4", WorkedExample.ReplicaSetUid)], statuses: Running("app", "containerd://" + uid, "2024-05-01T10:00:00Z"));

    private static k8s.Models.V1Pod StaticPod(string name, string uid) =>
        Pod(name, uid, ns: "kube-system", labels: ApiServer, statuses: Running("c", "containerd://" + uid, "2024-05-01T10:00:00Z"));

    private static StoreHarness WithOwners(StoreOptions? options = null)
    {
        var harness = new StoreHarness(options);
        harness.Store.OnList([Added(WorkedExample.ReplicaSet), Added(WorkedExample.Deployment)], initial: true);
        return harness;
    }

    private static long Dropped(MetricCollector<long> collector, string reason) =>
        collector.GetMeasurementSnapshot().Where(m => (string?)m.Tags["reason"] == reason).Sum(m => m.Value);

    [Fact]
    public void Store_StandalonePodDeleted_NeverRetained()
    {
        using var harness = WithOwners();
        var pod = Pod("solo", "solo-uid", statuses: Running("c", "containerd://1", "2024-05-01T10:00:00Z"));
        harness.Store.OnEvent(Added(pod));

        harness.Store.OnEvent(Deleted(pod));

        Assert.Empty(harness.Store.TakeSnapshot().Pods);
        Assert.Equal(0, harness.Store.RetainedPodCount);
    }

    [Fact]
    public void Store_OwnerNotInCache_DeletedPodNotRetained()
    {
        using var harness = new StoreHarness();
        var pod = RsPod("web-a", "a");
        harness.Store.OnEvent(Added(pod));

        harness.Store.OnEvent(Deleted(pod));

        Assert.Empty(harness.Store.TakeSnapshot().Pods);
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(3600, 0)]
    public void Store_RetentionDisabled_DeletedPodRemoved(int seconds, int max)
    {
        using var harness = WithOwners(new StoreOptions { DeletedPodRetentionSeconds = seconds, MaxRetainedDeletedPods = max });
        harness.Store.OnEvent(Added(RsPod("web-a", "a")));

        harness.Store.OnEvent(Deleted(RsPod("web-a", "a")));

        Assert.Empty(harness.Store.TakeSnapshot().Pods);
    }

    [Fact]
    public void Store_StaticPods_RetainedWhileGroupHasLivePodAndDroppedWithLast()
    {
        using var harness = new StoreHarness();
        using var dropped = new MetricCollector<long>(harness.Meters, StoreMetrics.MeterName, "podexport.deleted_pods.dropped");
        harness.Store.OnList([Added(StaticPod("kube-apiserver-cp-1", "s1")), Added(StaticPod("kube-apiserver-cp-2", "s2"))], initial: true);

        harness.Store.OnEvent(Deleted(StaticPod("kube-apiserver-cp-1", "s1")));
        var pods = harness.Store.TakeSnapshot().Pods;
        Assert.Equal(2, pods.Count);
        Assert.True(pods[0].Attributes.Deleted);
        Assert.Equal("2a41c264-ee19-5b57-80c3-17abbcab0182", pods[0].Pod.DeploymentId);

        harness.Store.OnEvent(Deleted(StaticPod("kube-apiserver-cp-2", "s2")));
        Assert.Empty(harness.Store.TakeSnapshot().Pods);
        Assert.Equal(1, Dropped(dropped, DropReason.OwnerDeleted));
    }

    [Fact]
    public void Store_CapExceeded_OldestDeletionDroppedFirst()
    {
        using var harness = WithOwners(new StoreOptions { MaxRetainedDeletedPods = 2 });
        using var dropped = new MetricCollector<long>(harness.Meters, StoreMetrics.MeterName, "podexport.deleted_pods.dropped");
        harness.Store.OnList([Added(RsPod("web-a", "a")), Added(RsPod("web-b", "b")), Added(RsPod("web-c", "c"))], initial: true);

        harness.Store.OnEvent(Deleted(RsPod("web-b", "b")));
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        harness.Store.OnEvent(Deleted(RsPod("web-a", "a")));
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        harness.Store.OnEvent(Deleted(RsPod("web-c", "c")));

        Assert.Equal(["web-a", "web-c"], harness.Store.TakeSnapshot().Pods.Select(p => p.Name));
        Assert.Equal(1, Dropped(dropped, DropReason.Cap));
    }

    [Fact]
    public void Store_SweepTimer_RetiresExpiredWithoutSnapshot()
    {
        using var harness = WithOwners(new StoreOptions { DeletedPodRetentionSeconds = 60 });
        using var dropped = new MetricCollector<long>(harness.Meters, StoreMetrics.MeterName, "podexport.deleted_pods.dropped");
        harness.Store.OnEvent(Added(RsPod("web-a", "a")));
        harness.Store.OnEvent(Deleted(RsPod("web-a", "a")));
        Assert.Equal(1, harness.Store.RetainedPodCount);

        // The sweep runs every 30 s; by 90 s one has run after the 60 s expiry.
        harness.Time.Advance(TimeSpan.FromSeconds(30));
        harness.Time.Advance(TimeSpan.FromSeconds(30));
        harness.Time.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(0, harness.Store.RetainedPodCount);
        Assert.Equal(1, Dropped(dropped, DropReason.RetentionExpired));
    }

    [Fact]
    public void Store_Metrics_CountPodsInstancesEvictionsAndLimits()
    {
        using var harness = WithOwners(new StoreOptions { TerminatedInstancesPerContainer = 1 });
        using var pods = new MetricCollector<long>(harness.Meters, StoreMetrics.MeterName, "podexport.pods");
        using var held = new MetricCollector<long>(harness.Meters, StoreMetrics.MeterName, "podexport.terminated_instances");
        using var evicted = new MetricCollector<long>(harness.Meters, StoreMetrics.MeterName, "podexport.terminated_instances.evicted");
        using var limits = new MetricCollector<long>(harness.Meters, StoreMetrics.MeterName, "podexport.limit");
        harness.Store.OnEvent(Added(WorkedExample.Pod()));
        harness.Store.OnEvent(Modified(WorkedExample.CrashLoop()));
        harness.Store.OnEvent(Added(RsPod("web-a", "a")));
        harness.Store.OnEvent(Deleted(RsPod("web-a", "a")));

        pods.RecordObservableInstruments();
        held.RecordObservableInstruments();
        limits.RecordObservableInstruments();

        var podValues = pods.GetMeasurementSnapshot().ToDictionary(m => (string)m.Tags["state"]!, m => m.Value);
        Assert.Equal(1, podValues["live"]);
        Assert.Equal(1, podValues["deleted"]);
        Assert.Equal(2, held.LastMeasurement?.Value);
        Assert.Equal(1, evicted.GetMeasurementSnapshot().Sum(m => m.Value));
        var limitValues = limits.GetMeasurementSnapshot().ToDictionary(m => (string)m.Tags["limit"]!, m => m.Value);
        Assert.Equal(1, limitValues["terminated_instances_per_container"]);
        Assert.Equal(10000, limitValues["retained_deleted_pods"]);
    }

    [Fact]
    public void Store_CacheExpiresRetainedPodBeforeSweep_RetiredOnceOnNextLookup()
    {
        using var harness = WithOwners(new StoreOptions { DeletedPodRetentionSeconds = 10 });
        using var dropped = new MetricCollector<long>(harness.Meters, StoreMetrics.MeterName, "podexport.deleted_pods.dropped");
        harness.Store.OnEvent(Added(RsPod("web-a", "a")));
        harness.Store.OnEvent(Deleted(RsPod("web-a", "a")));

        // 15 s: expired for the cache, but the 30 s sweep has not run yet.
        harness.Time.Advance(TimeSpan.FromSeconds(15));
        harness.Store.OnEvent(Modified(RsPod("web-a", "a")));

        Assert.Equal(0, harness.Store.RetainedPodCount);
        Assert.Null(harness.Store.Find("a"));
        Assert.Equal(1, Dropped(dropped, DropReason.RetentionExpired));
    }
}
