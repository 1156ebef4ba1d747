using PodExport.Cluster.Identity;
using PodExport.Cluster.Workloads;
using PodExport.Model.Json;
using PodExport.Model.Records;
using PodExport.Model.Wire;

namespace PodExport.Cluster.Pods;

/// <summary>
/// Turns an observation plus the pod's history and owner into its next state and record (pod-model §6, §8). Pure
/// apart from sharing list values through the pool (so not thread-safe when given one, as the store does under its
/// lock): the store decides when to call it and what to keep. A record is only built when the pod actually changed, so
/// an unchanged pod keeps its rendered line.
/// </summary>
public sealed class PodPipeline(int terminatedInstancesPerContainer, ClusterIdentity identity, IStringArrayPool? pool)
{
    public PodPipeline(int terminatedInstancesPerContainer, ClusterIdentity identity)
        : this(terminatedInstancesPerContainer, identity, pool: null)
    {
    }

    /// <summary>M-23: the reason of an instance that was still live when its pod was deleted.</summary>
    public const string PodDeletedReason = "PodDeleted";

    public int Cap { get; } = terminatedInstancesPerContainer;

    /// <summary>Applies one update of a live pod (M-16 to M-20).</summary>
    public PodState Apply(PodState? previous, PodObservation observation, OwnerResolution owner, out int evicted)
    {
        // The state keeps its history in the record's line: read it once here for the merge, M-18 and the render.
        var history = (previous?.History.Load() ?? TerminatedHistory.Empty).Merge(observation.Terminated, Cap, out evicted);
        var live = LiveInstances(observation, history);
        var pod = BuildPod(observation, owner, live, history);
        var attributes = BuildAttributes(observation, owner, observation.LiveImages, deletedAt: null);
        var before = previous?.Record;
        if (before is not null && PodRecordEquality.SameAttributes(before.Attributes, attributes))
        {
            attributes = before.Attributes;
        }

        // The same line and attributes give back the previous record itself.
        var record = PodRecord.Create(pod, attributes, before, pool);
        return new PodState(observation, history, owner, record);
    }

    /// <summary>
    /// M-23 (2) and (3): every live instance becomes a terminated one with reason <c>PodDeleted</c>; the result is
    /// the frozen record a retained pod is exported with (M-25). Apply the final object first (M-23 (1)), or pass the
    /// state as last held.
    /// </summary>
    public PodState Delete(PodState state, DateTimeOffset observedAt, out int evicted)
    {
        var finished = Timestamp.FromDateTimeOffset(observedAt);

        // The record keeps no wire object; its line holds the live instances as last applied.
        var liveInstances = PodJsonReader.ReadLine(state.Record.Line).LiveInstances;
        var ended = new List<TerminatedObservation>(liveInstances.Count);
        foreach (var live in liveInstances)
        {
            var instance = live with { Finished = finished, ExitCode = 0, TerminationReason = PodDeletedReason };
            ended.Add(new TerminatedObservation(
                instance,
                TerminatedObservation.KeyOf(instance.InstanceId?.Id ?? "", instance.ContainerName, instance.Started, finished)));
        }

        var history = state.History.Load().Merge(ended, Cap, out evicted);
        var observation = state.Observation;
        var pod = BuildPod(observation, state.Owner, [], history);
        var attributes = BuildAttributes(observation, state.Owner, [], observedAt);
        return state with { History = history, Record = PodRecord.Create(pod, attributes, state.Record, pool) };
    }

    /// <summary>The same pod under a newly resolved owner (M-11); the record is rebuilt only if the owner facts differ.</summary>
    public static PodState Reown(PodState state, OwnerResolution owner)
    {
        if (state.Owner.SameOwner(owner))
        {
            return state with { Owner = owner };
        }

        var attributes = state.Record.Attributes with
        {
            OwnerName = owner.Name,
            OwnerKind = owner.Kind,
            OwnerLabels = owner.Labels,
        };
        return state with { Owner = owner, Record = state.Record.WithOwner(owner.DeploymentId, attributes) };
    }

    private static ContainerInstance[] LiveInstances(PodObservation observation, TerminatedHistory history)
    {
        if (observation.LiveInstances.Count == 0)
        {
            return [];
        }

        var live = new ContainerInstance[observation.LiveInstances.Count];
        for (var i = 0; i < live.Length; i++)
        {
            var instance = observation.LiveInstances[i];
            if (instance.InstanceId is { Id.Length: > 0 } instanceId && IsTerminatedId(instanceId.Id, observation, history))
            {
                // CrashLoopBackOff reports the waiting container with the id of the run that just ended (M-18).
                instance = instance with { InstanceId = new ContainerInstanceId(ContainerRuntime.UnknownContainerRuntime, "", instanceId.Node) };
            }

            live[i] = instance;
        }

        // M-15: ordinal by id, "" first, stable; an insertion sort keeps equal ids in M-12 order and suits a handful.
        for (var i = 1; i < live.Length; i++)
        {
            var current = live[i];
            var at = i;
            while (at > 0 && string.CompareOrdinal(live[at - 1].InstanceId?.Id, current.InstanceId?.Id) > 0)
            {
                live[at] = live[at - 1];
                at--;
            }

            live[at] = current;
        }

        return live;
    }

    private static bool IsTerminatedId(string id, PodObservation observation, TerminatedHistory history)
    {
        foreach (var terminated in observation.Terminated)
        {
            if (terminated.Instance.InstanceId?.Id == id)
            {
                return true;
            }
        }

        return history.HoldsInstanceId(id);
    }

    private Pod BuildPod(PodObservation observation, OwnerResolution owner, IReadOnlyList<ContainerInstance> live, TerminatedHistory history) => new()
    {
        Id = observation.Id,
        Name = observation.Name,
        DeploymentId = owner.DeploymentId,
        Namespace = observation.Namespace,
        ClusterId = identity.Id,
        LiveInstances = live,
        TerminatedInstances = history.Wire,
        Started = observation.Started,
    };

    private PodAttributes BuildAttributes(PodObservation observation, OwnerResolution owner, IReadOnlyList<string> images, DateTimeOffset? deletedAt) => new()
    {
        PodUid = observation.Uid,
        Node = observation.Node,
        Labels = observation.Owner.Labels,
        Images = images,
        OwnerName = owner.Name,
        OwnerKind = owner.Kind,
        OwnerLabels = owner.Labels,
        RestartCount = observation.RestartCount,
        Deleted = deletedAt is not null,
        DeletedAt = deletedAt,
        ClusterName = identity.Name,
    };
}
