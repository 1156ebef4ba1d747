using k8s;
using k8s.Models;
using Microsoft.Extensions.Time.Testing;
using PodExport.Simulator.State;

namespace PodExport.Simulator.Tests.State;

public class ClusterStoreTests
{
    private static ClusterStore NewStore(int seed = 42, int historyLimit = 200_000, TimeProvider? time = null) =>
        new(new StoreOptions { Seed = seed, HistoryLimit = historyLimit }, time ?? new FakeTimeProvider());

    [Fact]
    public void Create_NewPod_StampsRvUidAndRecordsAdded()
    {
        var store = NewStore();
        var before = store.CurrentRV;

        var rv = store.Create(TestCluster.Pod("default", "a"));

        Assert.Equal(before + 1, rv);
        var pod = store.Get<V1Pod>("default", "a")!;
        Assert.Equal(rv.ToString(), pod.Metadata.ResourceVersion);
        Assert.False(string.IsNullOrEmpty(pod.Metadata.Uid));
        Assert.NotNull(pod.Metadata.CreationTimestamp);
        Assert.Equal("Pod", pod.Kind);
        var change = Assert.Single(store.History(before));
        Assert.Equal(new RecordedChange(ChangeType.Added, rv, "Pod", "default", "a", pod.Metadata.Uid), change);
    }

    [Fact]
    public void Update_ExistingPod_KeepsUidAndRecordsModified()
    {
        var store = NewStore();
        store.Create(TestCluster.Pod("default", "a"));
        var uid = store.Get<V1Pod>("default", "a")!.Metadata.Uid;

        var pod = TestCluster.Pod("default", "a");
        pod.Status.Phase = "Succeeded";
        var rv = store.Update(pod);

        var stored = store.Get<V1Pod>("default", "a")!;
        Assert.Equal(uid, stored.Metadata.Uid);
        Assert.Equal("Succeeded", stored.Status.Phase);
        Assert.Equal(ChangeType.Modified, store.History(rv - 1).Single().Type);
    }

    [Fact]
    public void Update_MissingObject_Throws()
    {
        var store = NewStore();
        Assert.Throws<KeyNotFoundException>(() => store.Update(TestCluster.Pod("default", "ghost")));
    }

    [Fact]
    public void Delete_GracefulPod_ModifiedWithTerminatedContainersThenDeleted()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var store = NewStore(time: time);
        store.Create(TestCluster.Pod("default", "a"));
        var before = store.CurrentRV;

        var rv = store.Delete("Pod", "default", "a", graceful: true);

        Assert.Equal(before + 2, rv);
        var changes = store.History(before);
        Assert.Equal([ChangeType.Modified, ChangeType.Deleted], changes.Select(c => c.Type));
        Assert.Null(store.Get("Pod", "default", "a"));
        Assert.Equal(-1, store.Delete("Pod", "default", "a", graceful: true));
    }

    [Fact]
    public async Task Delete_GracefulPod_WatchersSeeTerminatedState()
    {
        await using var host = await TestCluster.StartAsync();
        host.Store.Create(TestCluster.Pod("default", "a"));
        var rv = host.Store.CurrentRV;
        var client = TestCluster.Client(host);

        host.Store.Delete("Pod", "default", "a", graceful: true);
        var events = new List<(k8s.WatchEventType Type, V1Pod Pod)>();
        await foreach (var e in client.CoreV1.WatchListNamespacedPodAsync("default", resourceVersion: rv.ToString(), cancellationToken: TestCluster.Timeout()))
        {
            events.Add(e);
            if (events.Count == 2)
            {
                break;
            }
        }

        Assert.Equal(k8s.WatchEventType.Modified, events[0].Type);
        var terminating = events[0].Pod;
        Assert.NotNull(terminating.Metadata.DeletionTimestamp);
        Assert.Equal(30, terminating.Metadata.DeletionGracePeriodSeconds);
        var terminated = terminating.Status.ContainerStatuses.Single().State.Terminated;
        Assert.Equal(0, terminated.ExitCode);
        Assert.Equal("Completed", terminated.Reason);
        Assert.NotNull(terminated.FinishedAt);
        Assert.Equal("containerd://" + new string('b', 64), terminated.ContainerID);
        Assert.Equal(k8s.WatchEventType.Deleted, events[1].Type);
        Assert.Equal((rv + 2).ToString(), events[1].Pod.Metadata.ResourceVersion);
    }

    [Fact]
    public void Compact_RaisesFloorAndDropsOlderEvents()
    {
        var store = NewStore();
        for (var i = 0; i < 10; i++)
        {
            store.Create(TestCluster.Pod("default", $"p{i}"));
        }

        var target = store.CurrentRV - 3;
        store.Compact(target);

        Assert.Equal(target, store.Floor);
        Assert.Equal(3, store.HistoryCount);
        Assert.All(store.History(), c => Assert.True(c.ResourceVersion > target));
    }

    [Fact]
    public void Write_PastHistoryLimit_CompactsAutomatically()
    {
        var store = NewStore(historyLimit: 20);
        for (var i = 0; i < 50; i++)
        {
            store.Create(TestCluster.Pod("default", $"p{i}"));
        }

        Assert.True(store.Floor > 0);
        Assert.True(store.HistoryCount <= 20);
        Assert.Equal(store.CurrentRV - store.Floor, store.HistoryCount);
    }

    [Fact]
    public void Write_OlderThanMaxAge_CompactsAutomatically()
    {
        var time = new FakeTimeProvider();
        var store = new ClusterStore(new StoreOptions { HistoryMaxAge = TimeSpan.FromMinutes(5) }, time);
        store.Create(TestCluster.Pod("default", "old"));
        var oldRv = store.CurrentRV;

        time.Advance(TimeSpan.FromMinutes(6));
        store.Create(TestCluster.Pod("default", "new"));

        Assert.Equal(oldRv, store.Floor);
        Assert.Single(store.History());
    }

    [Fact]
    public void KubeSystemUid_SameSeed_Stable()
    {
        var a = NewStore(seed: 7);
        var b = NewStore(seed: 7);
        var c = NewStore(seed: 8);

        Assert.Equal(a.ClusterUid, b.ClusterUid);
        Assert.NotEqual(a.ClusterUid, c.ClusterUid);
        Assert.Equal(a.ClusterUid, a.Get<V1Namespace>(null, "kube-system")!.Metadata.Uid);
    }

    [Fact]
    public void Counts_ReportKindsNamespacesAndPhases()
    {
        var store = NewStore();
        store.Create(TestCluster.Pod("a", "p1"));
        var pending = TestCluster.Pod("b", "p2");
        pending.Status.Phase = "Pending";
        store.Create(pending);

        var counts = store.Counts();

        Assert.Equal(2, counts.Of("Pod"));
        Assert.Equal(4, counts.Of("Namespace"));
        Assert.Equal(1, counts.ByKindAndNamespace[("Pod", "a")]);
        Assert.Equal(1, counts.PodsByPhase["Pending"]);
        Assert.Equal(1, counts.PodsByPhase["Running"]);
    }

    [Fact]
    public void Create_ExistingObject_ReplacesAsModified()
    {
        var store = NewStore();
        var uid = store.ClusterUid;

        var rv = store.Create(new V1Namespace { Metadata = new V1ObjectMeta { Name = "kube-system" } });

        Assert.Equal(ChangeType.Modified, store.History(rv - 1).Single().Type);
        Assert.Equal(uid, store.Get<V1Namespace>(null, "kube-system")!.Metadata.Uid);
    }

    [Fact]
    public void ReadEvents_ReaderBehindCompactedEventsOfItsKind_Expired()
    {
        var store = NewStore();
        store.Create(TestCluster.Pod("default", "a"));
        var cursor = store.CurrentRV;
        store.Create(TestCluster.Pod("default", "b"));
        store.Create(TestCluster.Pod("default", "c"));
        store.Compact(store.CurrentRV - 1);

        var read = store.ReadEvents(ResourceKind.Pod, cursor, 100);

        Assert.True(read.Expired);
    }

    [Fact]
    public void ReadEvents_OnlyOtherKindsCompacted_NotExpired()
    {
        var store = NewStore();
        store.Create(TestCluster.Pod("default", "a"));
        var cursor = store.CurrentRV;
        for (var i = 0; i < 5; i++)
        {
            store.Create(new V1Node { Metadata = new V1ObjectMeta { Name = $"n{i}" } });
        }

        store.Compact(store.CurrentRV);
        store.Create(TestCluster.Pod("default", "b"));

        var read = store.ReadEvents(ResourceKind.Pod, cursor, 100);

        Assert.False(read.Expired);
        Assert.Equal("b", Assert.Single(read.Events).Object.Key.Name);
        Assert.Equal(store.CurrentRV, read.Cursor);
    }

    [Fact]
    public void SnapshotAt_OlderRv_ReturnsSetAsItWas()
    {
        var store = NewStore();
        store.Create(TestCluster.Pod("default", "a"));
        var rv = store.CurrentRV;
        store.Create(TestCluster.Pod("default", "b"));
        store.Delete("Pod", "default", "a", graceful: false);

        var then = store.SnapshotAt(ResourceKind.Pod, rv)!;

        Assert.Equal(["a"], then.Select(o => o.Key.Name));
        store.Compact(store.CurrentRV);
        Assert.Null(store.SnapshotAt(ResourceKind.Pod, rv));
    }

    [Fact]
    public void SameSeedSameOperations_SameUidsAndRvs()
    {
        static IReadOnlyList<RecordedChange> Run()
        {
            var store = new ClusterStore(new StoreOptions { Seed = 11 }, new FakeTimeProvider());
            for (var i = 0; i < 5; i++)
            {
                store.Create(new V1Pod { Metadata = new V1ObjectMeta { GenerateName = "web-", NamespaceProperty = "default" } });
            }

            store.Delete("Pod", "default", store.List<V1Pod>()[2].Metadata.Name, graceful: true);
            return store.History();
        }

        Assert.Equal(Run(), Run());
    }
}
