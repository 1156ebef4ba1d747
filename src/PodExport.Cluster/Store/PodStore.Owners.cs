using PodExport.Cluster.Informers;
using PodExport.Cluster.Pods;
using PodExport.Cluster.Workloads;

namespace PodExport.Cluster.Store;

/// <summary>Owner events: the owner cache, re-resolution of the pods that pass through a changed owner (M-11, M-26 (1)).</summary>
public sealed partial class PodStore : IResourceEventHandler<OwnerObject>
{
    private readonly Dictionary<string, int> _staticGroups = new(StringComparer.Ordinal);

    public void OnList(IReadOnlyList<ResourceEvent<OwnerObject>> changes, bool initial)
    {
        lock (_gate)
        {
            PublishView();
            var affected = new HashSet<string>(StringComparer.Ordinal);
            foreach (var change in changes)
            {
                ApplyOwner(change, affected);
            }

            Reresolve(affected);
            Commit();
        }
    }

    public void OnEvent(ResourceEvent<OwnerObject> change)
    {
        lock (_gate)
        {
            var affected = new HashSet<string>(StringComparer.Ordinal);
            ApplyOwner(change, affected);
            Reresolve(affected);
            Commit();
        }
    }

    private void ApplyOwner(ResourceEvent<OwnerObject> change, HashSet<string> affected)
    {
        var owner = change.Object;
        if (owner is null || string.IsNullOrEmpty(owner.Uid))
        {
            return;
        }

        if (change.Type == ResourceEventType.Deleted)
        {
            if (_graph.Remove(owner.Uid))
            {
                affected.UnionWith(_graph.DependentsOf(owner.Uid));
                DropRetainedOf(owner.Uid);
            }
        }
        else if (_graph.Upsert(owner))
        {
            affected.UnionWith(_graph.DependentsOf(owner.Uid));
        }
    }

    /// <summary>Resolves the given live pods again against the owner cache as it is now.</summary>
    private void Reresolve(HashSet<string> podUids)
    {
        if (podUids.Count == 0)
        {
            return;
        }

        // Pod arrival would have thrown earlier without an id, so pods held here imply it is known.
        var clusterId = _identity.IdGuid;
        foreach (var uid in podUids)
        {
            var state = TryGetState(uid);
            if (state is null || state.Deleted)
            {
                continue;
            }

            try
            {
                Reresolve(uid, state, clusterId);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // As for a pod event: one pod that cannot be re-rendered must not fail the owner event (whose
                // informer would back off and relist into the same failure) nor the other pods it affects.
                Log.PodFailed(_logger, ex, state.Record.Namespace, state.Record.Name, uid);
            }
        }
    }

    private void Reresolve(string uid, PodState state, Guid clusterId)
    {
        var owner = _graph.Resolve(state.OwnerInput, clusterId);
        var reowned = PodPipeline.Reown(state, owner);
        if (!state.Owner.SamePath(owner))
        {
            _graph.Untrack(uid, state.Owner.Path);
            _graph.Track(uid, owner.Path);
        }

        SetState(state, reowned);
        MoveStaticGroup(state.Owner, owner);
    }

    /// <summary>Keeps the count of live pods per StaticPods group (M-24) as a pod's owner changes.</summary>
    private void MoveStaticGroup(OwnerResolution? before, OwnerResolution after)
    {
        var from = before?.Category == OwnerCategory.StaticPods ? before.DeploymentId : null;
        var to = after.Category == OwnerCategory.StaticPods ? after.DeploymentId : null;
        if (from == to)
        {
            return;
        }

        if (to is not null)
        {
            _staticGroups[to] = _staticGroups.GetValueOrDefault(to) + 1;
        }

        if (from is not null && LeaveStaticGroup(from) == 0)
        {
            DropRetainedOf(from);
        }
    }

    /// <summary>One live pod fewer in the group; returns how many are left.</summary>
    private int LeaveStaticGroup(string group)
    {
        var left = _staticGroups.GetValueOrDefault(group) - 1;
        if (left <= 0)
        {
            _staticGroups.Remove(group);
            return 0;
        }

        _staticGroups[group] = left;
        return left;
    }
}
