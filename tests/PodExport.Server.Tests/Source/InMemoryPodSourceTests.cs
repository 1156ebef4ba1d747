using Microsoft.Extensions.Time.Testing;
using PodExport.Server.Source;
using PodExport.Server.Tests.Testing;

namespace PodExport.Server.Tests.Source;

public sealed class InMemoryPodSourceTests
{
    private readonly FakeTimeProvider _time = new(ExportApp.Start);

    [Fact]
    public void InMemoryPodSource_New_IsNotSyncedAndEmpty()
    {
        var source = new InMemoryPodSource(_time);

        Assert.False(source.IsSynced);
        Assert.Empty(source.TakeSnapshot().Pods);
        Assert.Empty(source.DegradedKinds);
    }

    [Fact]
    public void TakeSnapshot_AfterSet_OrdersByNamespaceNameIdAtTheCurrentTime()
    {
        var source = new InMemoryPodSource(_time);
        source.Set([TestPods.Make("b", "a", 1), TestPods.Make("a", "b", 3), TestPods.Make("a", "b", 2), TestPods.Make("a", "a", 4)]);
        _time.Advance(TimeSpan.FromSeconds(3));

        var snapshot = source.TakeSnapshot();

        Assert.Equal(ExportApp.Start.AddSeconds(3), snapshot.ViewTime);
        Assert.Equal(["a/a/4", "a/b/2", "a/b/3", "b/a/1"], snapshot.Pods.Select(p => $"{p.Namespace}/{p.Name}/{p.Id[^1]}"));
    }

    [Fact]
    public void TakeSnapshot_LaterSet_DoesNotChangeAnEarlierSnapshot()
    {
        var source = new InMemoryPodSource(_time);
        source.Set([TestPods.Make("a", "a")]);
        var before = source.TakeSnapshot();

        source.Set([]);

        Assert.Single(before.Pods);
        Assert.Empty(source.TakeSnapshot().Pods);
    }

    [Fact]
    public void MarkSyncedAndSetDegraded_AreReported()
    {
        var source = new InMemoryPodSource(_time);
        source.MarkSynced();
        source.SetDegraded(["pods"]);

        Assert.True(source.IsSynced);
        Assert.Equal(["pods"], source.DegradedKinds);
    }
}
