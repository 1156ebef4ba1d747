using System.Globalization;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using k8s;
using k8s.Models;
using PodExport.Cluster.Informers;
using PodExport.Cluster.Pods;
using PodExport.Cluster.Tests.Connection;

namespace PodExport.Cluster.Tests.Informers;

/// <summary>The list/watch loop against the simulator over HTTP with the real KubernetesClient (kubernetes-api B).</summary>
public sealed class ReflectorTests
{
    [Fact]
    public async Task Reflector_PagedInitialList_DeliversEverythingInOneInitialList()
    {
        await using var harness = await InformerHarness.StartAsync();
        TestObjects.Seed(harness.Simulator.Store, "shop", 1100);
        var pods = InformerHarness.PodRecorder();

        var reflector = harness.StartPods(pods);
        await reflector.Synced.WaitAsync(TimeSpan.FromSeconds(10));

        var list = Assert.Single(pods.Lists);
        Assert.True(list.Initial);
        Assert.Equal(1100, list.Changes.Count);
        Assert.All(list.Changes, c => Assert.Equal(ResourceEventType.Added, c.Type));
        var requests = harness.Requests("Pod", "list");
        Assert.Equal(3, requests.Count);
        Assert.Equal(("0", "500", null), (requests[0].QueryValue("resourceVersion"), requests[0].QueryValue("limit"), requests[0].QueryValue("continue")));
        Assert.All(requests.Skip(1), r => Assert.NotNull(r.QueryValue("continue")));
        Assert.All(requests.Skip(1), r => Assert.Null(r.QueryValue("resourceVersion")));
        Assert.Equal(harness.Simulator.Store.CurrentRV.ToString(CultureInfo.InvariantCulture), reflector.LastSyncResourceVersion);
    }

    [Fact]
    public async Task Reflector_AfterSync_WatchesFromListRvWithBookmarksAndRandomTimeout()
    {
        await using var harness = await InformerHarness.StartAsync();
        TestObjects.Seed(harness.Simulator.Store, "shop", 3);
        var listRv = harness.Simulator.Store.CurrentRV;
        var pods = InformerHarness.PodRecorder();

        harness.StartPods(pods);
        var watcher = await harness.Simulator.WaitForWatcher("Pod", listRv);

        Assert.Equal(listRv.ToString(CultureInfo.InvariantCulture), watcher.RequestedResourceVersion);
        Assert.True(watcher.AllowBookmarks);
        var request = harness.Requests("Pod", "watch")[0];
        Assert.InRange(int.Parse(request.QueryValue("timeoutSeconds")!, CultureInfo.InvariantCulture), 300, 600);
    }

    [Fact]
    public async Task Reflector_WatchEvents_ArriveAsAddModifyDelete()
    {
        await using var harness = await InformerHarness.StartAsync();
        TestObjects.Seed(harness.Simulator.Store, "shop", 1);
        var pods = InformerHarness.PodRecorder();
        var reflector = harness.StartPods(pods);
        await harness.Simulator.WaitForWatcher("Pod", harness.Simulator.Store.CurrentRV);

        harness.Simulator.Store.Create(TestObjects.Pod("shop", "new"));
        var changed = TestObjects.Pod("shop", "p000");
        changed.Metadata.Labels["tier"] = "gold";
        harness.Simulator.Store.Update(changed);
        var deletedRv = harness.Simulator.Store.Delete("Pod", "shop", "new", graceful: false);
        await pods.WaitForAsync(h => h.Events.Any(e => e.Type == ResourceEventType.Deleted), "the delete");

        Assert.Equal(
            [(ResourceEventType.Added, "new"), (ResourceEventType.Modified, "p000"), (ResourceEventType.Deleted, "new")],
            pods.Events.Select(e => (e.Type, e.Object.Metadata.Name)));
        Assert.False(pods.Events[^1].IsTombstone, "a delete the watch delivered carries the server's last state");
        Assert.Equal("gold", pods.State[new ObjectKey("shop", "p000")].Metadata.Labels["tier"]);
        Assert.Equal(deletedRv.ToString(CultureInfo.InvariantCulture), reflector.LastSyncResourceVersion);
    }

    [Fact]
    public async Task Reflector_WatchNewUidUnderHeldName_DeletesTheHeldUidThenAdds()
    {
        await using var harness = await InformerHarness.StartAsync();
        var store = harness.Simulator.Store;
        TestObjects.Seed(store, "shop", 1);
        var oldUid = store.Get<V1Pod>("shop", "p000")!.Metadata.Uid;
        var pods = InformerHarness.PodRecorder();
        // The real client and watch, minus the DELETED events: as if the watch had missed the old pod's deletion.
        var missesDeletes = new ResourceDefinition<V1Pod>
        {
            Kind = "Pod",
            ListAsync = ResourceDefinitions.Pods.ListAsync,
            Watch = (c, r, onError, ct) => ResourceDefinitions.Pods.Watch(c, r, onError, ct).Where(e => e.Type != WatchEventType.Deleted),
            Identify = ResourceDefinitions.Pods.Identify,
            Tombstone = ResourceDefinitions.Pods.Tombstone,
        };
        harness.Start(missesDeletes, pods);
        await harness.Simulator.WaitForWatcher("Pod", store.CurrentRV);

        store.Delete("Pod", "shop", "p000", graceful: false);
        store.Create(TestObjects.Pod("shop", "p000"));
        var newUid = store.Get<V1Pod>("shop", "p000")!.Metadata.Uid;
        await pods.WaitForAsync(h => h.Events.Any(e => e.Object.Metadata.Uid == newUid), "the new pod");

        Assert.Collection(
            pods.Events,
            e => Assert.Equal((ResourceEventType.Deleted, true, oldUid, "shop", "p000"), (e.Type, e.IsTombstone, e.Object.Metadata.Uid, e.Object.Metadata.NamespaceProperty, e.Object.Metadata.Name)),
            e => Assert.Equal((ResourceEventType.Added, false, newUid), (e.Type, e.IsTombstone, e.Object.Metadata.Uid)));
        Assert.Null(pods.Events[0].Object.Spec);
        Assert.Null(pods.Events[0].Object.Status);
    }

    [Fact]
    public async Task Reflector_RealisticPod_ArrivesTrimmedAndConvertsAsTheServedPod()
    {
        await using var harness = await InformerHarness.StartAsync();
        var store = harness.Simulator.Store;
        store.Create(RealisticPod.Full());
        var served = store.Get<V1Pod>("shop", "checkout-7d9f8b6c5d-x2k4q")!;
        var pods = InformerHarness.PodRecorder();

        var reflector = harness.StartPods(pods);
        await reflector.Synced.WaitAsync(TimeSpan.FromSeconds(10));

        var listed = Assert.Single(Assert.Single(pods.Lists).Changes).Object;
        Assert.Equal((null, null, null), (listed.Metadata.ManagedFields, listed.Spec.Volumes, listed.Status.Conditions));
        var converter = new PodConverter(includeInitContainers: true, includeEphemeralContainers: true);
        var now = DateTimeOffset.UnixEpoch;
        Assert.Equivalent(converter.Convert(served, now), converter.Convert(listed, now), strict: true);

        // The simulator in the same process still serves (serializes) the whole pod.
        using var http = new HttpClient { BaseAddress = harness.Simulator.BaseAddress };
        var body = await http.GetStringAsync(new Uri("api/v1/namespaces/shop/pods/checkout-7d9f8b6c5d-x2k4q", UriKind.Relative));
        Assert.Contains("\"managedFields\"", body, StringComparison.Ordinal);
        Assert.Contains("\"kube-api-access-8xk2p\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reflector_Bookmark_AdvancesLastSyncRv()
    {
        await using var harness = await InformerHarness.StartAsync();
        TestObjects.Seed(harness.Simulator.Store, "shop", 1);
        var pods = InformerHarness.PodRecorder();
        var reflector = harness.StartPods(pods);
        await harness.Simulator.WaitForWatcher("Pod", harness.Simulator.Store.CurrentRV);

        // Changes of another kind move the global RV; only a bookmark tells the pod watch about it.
        harness.Simulator.Store.Create(TestObjects.Deployment("shop", "web"));
        var target = harness.Simulator.Store.CurrentRV;
        var mark = harness.Signals.Mark;
        harness.Simulator.SendBookmarkNow(w => w.Kind == "Pod", target);
        await harness.Simulator.WaitForWatcher(w => w.Kind == "Pod" && w.BookmarksSent > 0);
        harness.Simulator.CloseWatchers(w => w.Kind == "Pod");
        await harness.Simulator.WaitForWatcher("Pod", target);

        Assert.Equal(target.ToString(CultureInfo.InvariantCulture), reflector.LastSyncResourceVersion);
        Assert.Empty(pods.Events);
        Assert.DoesNotContain(harness.Signals.All.Skip(mark), s => s.Step == ReflectorStep.ListApplied);
    }

    [Fact]
    public async Task Reflector_OwnerKind_ProjectsToSlimOwnerObject()
    {
        await using var harness = await InformerHarness.StartAsync();
        harness.Simulator.Store.Create(TestObjects.Namespace("shop"));
        harness.Simulator.Store.Create(TestObjects.ReplicaSet("shop", "web-abc", "web", "9d8c7b6a-5e4f-4a3b-8c2d-1e0f9a8b7c6d"));
        var owners = InformerHarness.OwnerRecorder();

        var reflector = harness.StartOwners(ResourceDefinitions.ReplicaSets, owners);
        await reflector.Synced.WaitAsync(TimeSpan.FromSeconds(10));

        var owner = Assert.Single(owners.State.Values);
        Assert.Equal(("ReplicaSet", "web-abc", "shop"), (owner.Kind, owner.Name, owner.Namespace));
        Assert.False(string.IsNullOrEmpty(owner.Uid));
        Assert.Equal("web", owner.Labels["app"]);
        var reference = Assert.Single(owner.OwnerReferences);
        Assert.Equal(("Deployment", "web", "9d8c7b6a-5e4f-4a3b-8c2d-1e0f9a8b7c6d", true), (reference.Kind, reference.Name, reference.Uid, reference.Controller));
    }

    [Fact]
    public async Task Reflector_Namespaced_ListsAndWatchesOnlyItsNamespace()
    {
        await using var harness = await InformerHarness.StartAsync();
        TestObjects.Seed(harness.Simulator.Store, "shop", 2);
        TestObjects.Seed(harness.Simulator.Store, "other", 2);
        var pods = InformerHarness.PodRecorder();

        var reflector = harness.StartPods(pods, "shop");
        await reflector.Synced.WaitAsync(TimeSpan.FromSeconds(10));
        await harness.Simulator.WaitForWatcher(w => w.Kind == "Pod" && w.Namespace == "shop");
        harness.Simulator.Store.Create(TestObjects.Pod("other", "x"));
        harness.Simulator.Store.Create(TestObjects.Pod("shop", "y"));
        await pods.WaitForStateAsync(s => s.ContainsKey(new ObjectKey("shop", "y")), "shop/y");

        Assert.All(pods.State.Keys, k => Assert.Equal("shop", k.Namespace));
        Assert.Equal(3, pods.State.Count);
        Assert.All(harness.Requests("Pod", "list"), r => Assert.StartsWith("/api/v1/namespaces/shop/pods", r.Path, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reflector_ListEventsAndRestarts_AreCountedByKindAndReason()
    {
        await using var harness = await InformerHarness.StartAsync();
        using var relists = new MetricCollector<long>(harness.Meters, InformerMetrics.MeterName, "podexport.informer.relists");
        using var events = new MetricCollector<long>(harness.Meters, InformerMetrics.MeterName, "podexport.informer.events");
        using var restarts = new MetricCollector<long>(harness.Meters, InformerMetrics.MeterName, "podexport.informer.watch.restarts");
        TestObjects.Seed(harness.Simulator.Store, "shop", 1);
        var pods = InformerHarness.PodRecorder();
        harness.StartPods(pods);
        var first = await harness.Simulator.WaitForWatcher("Pod");

        harness.Simulator.Store.Create(TestObjects.Pod("shop", "new"));
        await pods.WaitForStateAsync(s => s.Count == 2, "the new pod");
        harness.Simulator.CloseWatchers(w => w.Id == first.Id);
        await harness.Simulator.WaitForWatcher(w => w.Kind == "Pod" && w.Id != first.Id);

        var relist = Assert.Single(relists.GetMeasurementSnapshot());
        Assert.Equal((1, "Pod", "initial"), (relist.Value, relist.Tags["kind"], relist.Tags["reason"]));
        var added = Assert.Single(events.GetMeasurementSnapshot());
        Assert.Equal(("Pod", "added"), (added.Tags["kind"], added.Tags["type"]));
        var restart = Assert.Single(restarts.GetMeasurementSnapshot());
        Assert.Equal(("Pod", "closed"), (restart.Tags["kind"], restart.Tags["reason"]));
    }
}
