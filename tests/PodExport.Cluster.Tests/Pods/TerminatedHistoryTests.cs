using PodExport.Cluster.Pods;
using PodExport.Model.Wire;

namespace PodExport.Cluster.Tests.Pods;

public sealed class TerminatedHistoryTests
{
    private static TerminatedObservation Dead(string name, string id, int finishedSecond, int? startedSecond = null)
    {
        var instance = new ContainerInstance
        {
            InstanceId = new ContainerInstanceId(ContainerRuntime.UnknownContainerRuntime, id, "n"),
            ContainerName = name,
            Started = startedSecond is { } s ? new Timestamp(s, 0) : null,
            Finished = new Timestamp(finishedSecond, 0),
        };
        return new TerminatedObservation(instance, TerminatedObservation.KeyOf(id, name, instance.Started, instance.Finished));
    }

    private static string[] Ids(TerminatedHistory history, int bucket) =>
        [.. history.Wire[bucket].Instances.Select(i => i.InstanceId!.Id)];

    [Fact]
    public void Merge_NewNames_BucketsInCreationOrder()
    {
        var history = TerminatedHistory.Empty.Merge([Dead("b", "1", 10), Dead("a", "2", 5), Dead("b", "3", 20)], 10, out _);

        Assert.Equal(["b", "a"], history.Wire.Select(b => b.Instances[0].ContainerName));
        Assert.Equal(["1", "3"], Ids(history, 0));
        Assert.Equal(3, history.Count);
    }

    [Fact]
    public void Merge_SameKeyTwice_RecordedOnceAndSameHistoryReturned()
    {
        var first = TerminatedHistory.Empty.Merge([Dead("a", "1", 10)], 10, out _);
        var second = first.Merge([Dead("a", "1", 99)], 10, out var evicted);

        Assert.Same(first, second);
        Assert.Equal(0, evicted);
        Assert.Equal(new Timestamp(10, 0), second.Wire[0].Instances[0].Finished);
    }

    [Fact]
    public void Merge_OutOfOrder_OrderedByFinishedThenStartedThenId()
    {
        var history = TerminatedHistory.Empty.Merge(
            [Dead("a", "z", 30), Dead("a", "y", 10, 5), Dead("a", "x", 10), Dead("a", "w", 10, 5)], 10, out _);

        Assert.Equal(["x", "w", "y", "z"], Ids(history, 0));
    }

    [Fact]
    public void Merge_OverCap_OldestEvictedAndCounted()
    {
        var history = TerminatedHistory.Empty.Merge([Dead("a", "1", 1), Dead("a", "2", 2), Dead("a", "3", 3)], 3, out _);

        var next = history.Merge([Dead("a", "4", 4), Dead("a", "5", 5)], 3, out var evicted);

        Assert.Equal(2, evicted);
        Assert.Equal(["3", "4", "5"], Ids(next, 0));
        Assert.Equal(["1", "2", "3"], Ids(history, 0));
    }

    [Fact]
    public void Merge_NewInstanceOlderThanAllInFullBucket_NotRecordedNotCounted()
    {
        var history = TerminatedHistory.Empty.Merge([Dead("a", "2", 2), Dead("a", "3", 3)], 2, out _);

        var next = history.Merge([Dead("a", "1", 1)], 2, out var evicted);

        Assert.Same(history, next);
        Assert.Equal(0, evicted);
    }

    [Fact]
    public void Merge_EmptyIds_DedupByNameAndTimes()
    {
        var history = TerminatedHistory.Empty.Merge([Dead("a", "", 1, 0), Dead("a", "", 1, 0), Dead("a", "", 2, 0)], 10, out _);

        Assert.Equal(2, history.Count);
        Assert.False(history.HoldsInstanceId(""));
    }

    [Fact]
    public void Merge_IdKeyAndNameKey_NeverMistakenForEachOther()
    {
        // An id that looks like a name key, and a name whose key would spell an id key: still four instances.
        var history = TerminatedHistory.Empty.Merge([Dead("a", "nm:a", 1, 0), Dead("a", "", 2, 0), Dead("id", "", 3, 0), Dead("x", "a", 4)], 10, out _);

        history = history.Merge([Dead("a", "nm:a", 1, 0), Dead("a", "", 2, 0), Dead("id", "", 3, 0), Dead("x", "a", 4)], 10, out _);

        Assert.Equal(4, history.Count);
        Assert.True(history.HoldsInstanceId("a"));
    }

    [Fact]
    public void Merge_LaterUpdateWithEqualPodFields_SharesTheHeldCopies()
    {
        var first = Dead("a", "1", 10);
        var second = Dead("a", "2", 20);
        first = first with { Instance = first.Instance with { ContainingPodId = new string('p', 3), ContainerIps = ["10.0.0.1"] } };
        second = second with { Instance = second.Instance with { ContainingPodId = new string('p', 3), ContainerIps = ["10.0.0.1"] } };

        var history = TerminatedHistory.Empty.Merge([first], 10, out _).Merge([second], 10, out _);

        var instances = history.Wire[0].Instances;
        Assert.Same(instances[0].ContainingPodId, instances[1].ContainingPodId);
        Assert.Same(instances[0].ContainerIps, instances[1].ContainerIps);
        Assert.Equal(["1", "2"], Ids(history, 0));
    }

    [Fact]
    public void FromLine_RenderedHistory_BehavesAsTheHeldOne()
    {
        var held = TerminatedHistory.Empty.Merge([Dead("a", "1", 10), Dead("a", "", 20, 5), Dead("b", "2", 15)], 10, out _);
        var line = Model.Json.PodJsonWriter.RenderLine(new Pod { Name = "p", TerminatedInstances = held.Wire });

        var backed = TerminatedHistory.FromLine(line, held.NameKeys, held.Count);

        Assert.Equal(3, backed.Count);
        Assert.Equal(["1", ""], Ids(backed, 0));
        Assert.Equal(["2"], Ids(backed, 1));
        Assert.True(backed.HoldsInstanceId("2"));
        var loaded = backed.Load();
        Assert.Same(loaded, loaded.Merge([Dead("a", "1", 10), Dead("a", "", 20, 5)], 10, out _));
        Assert.Equal(4, backed.Merge([Dead("a", "", 21, 5)], 10, out _).Count);
        Assert.Equal(held.NameKeys, backed.Load().NameKeys);
    }

    [Fact]
    public void NameKeys_OnlyIdKeys_Null()
    {
        var history = TerminatedHistory.Empty.Merge([Dead("a", "1", 10), Dead("b", "2", 15)], 10, out _);

        Assert.Null(history.NameKeys);
        Assert.Same(TerminatedHistory.Empty, TerminatedHistory.FromLine([], null, 0));
    }
}
