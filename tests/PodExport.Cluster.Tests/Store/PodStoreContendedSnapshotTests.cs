using System.Reflection;
using k8s.Models;
using PodExport.Cluster.Store;
using PodExport.Cluster.Tests.Fixtures;
using static PodExport.Cluster.Tests.Fixtures.Objects;

namespace PodExport.Cluster.Tests.Store;

/// <summary>
/// A snapshot that cannot take the store's lock within its short wait falls back to the published view; that view
/// must hold what the lists applied, not the state before them (found end to end: exports with no pods right after
/// /readyz turned ready, while heavy churn kept the lock busy).
/// </summary>
public sealed class PodStoreContendedSnapshotTests
{
    [Fact]
    public async Task TakeSnapshot_LockBusyAfterInitialList_ReturnsListedPods()
    {
        using var harness = new StoreHarness();
        var store = harness.Store;
        store.OnList([Added(Pod("web-1", "uid-1")), Added(Pod("web-2", "uid-2"))], initial: true);

        // The writer's lock, held by another thread as a long change would hold it.
        var gate = (Lock)typeof(PodStore).GetField("_gate", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(store)!;
        using var held = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var holder = Task.Run(() =>
        {
            lock (gate)
            {
                held.Set();
                release.Wait(TimeSpan.FromSeconds(10));
            }
        });
        Assert.True(held.Wait(TimeSpan.FromSeconds(10)));

        var snapshot = store.TakeSnapshot();
        release.Set();
        await holder;

        Assert.Equal(["web-1", "web-2"], snapshot.Pods.Select(p => p.Pod.Name));
    }
}
