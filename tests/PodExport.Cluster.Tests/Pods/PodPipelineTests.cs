using k8s.Models;
using PodExport.Cluster.Pods;
using PodExport.Cluster.Tests.Fixtures;
using PodExport.Cluster.Workloads;
using static PodExport.Cluster.Tests.Fixtures.Objects;

namespace PodExport.Cluster.Tests.Pods;

public sealed class PodPipelineTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2024, 5, 1, 11, 0, 0, TimeSpan.Zero);
    private readonly StoreHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private PodState Apply(PodState? previous, V1Pod pod, out int evicted)
    {
        var observation = new PodConverter(false, false).Convert(pod, Now);
        var owner = new WorkloadGraph().Resolve(observation.Owner, _harness.Identity.IdGuid);
        return new PodPipeline(2, _harness.Identity).Apply(previous, observation, owner, out evicted);
    }

    private static V1ContainerStatus Waiting(string name) =>
        new() { Name = name, State = new V1ContainerState { Waiting = new V1ContainerStateWaiting { Reason = "ContainerCreating" } } };

    [Fact]
    public void Apply_LiveInstances_SortedByIdStableWithEmptyFirst()
    {
        var pod = Pod("p", "u", statuses: [Running("z", "containerd://b", "2024-05-01T10:00:00Z"), Waiting("y"), Running("x", "containerd://a", "2024-05-01T10:00:00Z"), Waiting("w")]);

        var state = Apply(null, pod, out _);

        Assert.Equal(["y", "w", "x", "z"], state.Record.Pod.LiveInstances.Select(i => i.ContainerName));
    }

    [Fact]
    public void Apply_RepeatedRestarts_CapEvictsAndCounts()
    {
        var state = Apply(null, Restarted(1), out _);
        state = Apply(state, Restarted(2), out var first);
        state = Apply(state, Restarted(3), out var second);

        Assert.Equal((0, 1), (first, second));
        Assert.Equal(["run-2", "run-3"], state.Record.Pod.TerminatedInstances[0].Instances.Select(i => i.InstanceId!.Id));

        static V1Pod Restarted(int run)
        {
            var status = Running("app", $"containerd://run-{run + 1}", "2024-05-01T10:00:00Z", restarts: run);
            status.LastState = new V1ContainerState { Terminated = Terminated($"containerd://run-{run}", 1, "Error", $"2024-05-01T10:0{run}:00Z", $"2024-05-01T10:0{run}:30Z") };
            return Pod("p", "u", statuses: status);
        }
    }

    [Fact]
    public void Delete_LiveInstances_BecomePodDeletedAndAttributesMarkDeleted()
    {
        var state = Apply(null, Pod("p", "u", statuses: Running("app", "containerd://a", "2024-05-01T10:00:00Z")), out _);

        var deleted = new PodPipeline(2, _harness.Identity).Delete(state, Now, out _);

        Assert.Empty(deleted.Record.Pod.LiveInstances);
        Assert.Empty(deleted.Record.Attributes.Images);
        Assert.Equal((true, Now), (deleted.Record.Attributes.Deleted, deleted.Record.Attributes.DeletedAt!.Value));
        Assert.Equal(PodPipeline.PodDeletedReason, Assert.Single(deleted.Record.Pod.TerminatedInstances[0].Instances).TerminationReason);
    }

    [Fact]
    public void Apply_State_RebuildsTheObservationWithoutInstances()
    {
        var pod = Pod("p", "u", owners: [Ref("ReplicaSet", "rs", "rs-1")], labels: new Dictionary<string, string> { ["app"] = "web" },
            statuses: Running("app", "containerd://a", "2024-05-01T10:00:00Z", restarts: 2));
        var observation = new PodConverter(false, false).Convert(pod, Now);

        var state = Apply(null, pod, out _);

        var kept = state.Observation;
        Assert.Equal((observation.Id, observation.Uid, observation.Name, observation.Namespace, observation.Node, observation.Started, observation.RestartCount),
            (kept.Id, kept.Uid, kept.Name, kept.Namespace, kept.Node, kept.Started, kept.RestartCount));
        Assert.Equal("web", kept.Owner.Labels["app"]);
        Assert.Equal("rs-1", Assert.Single(kept.Owner.OwnerReferences).Uid);
        Assert.Empty(kept.LiveInstances);
        Assert.Empty(kept.Terminated);
    }
}
