using k8s.Models;
using PodExport.Cluster.Informers;
using PodExport.Cluster.Pods;
using PodExport.Cluster.Workloads;

namespace PodExport.Cluster.Store;

/// <summary>Pod events: updates, deletions, relists (pod-model §6, §8, M-30).</summary>
public sealed partial class PodStore : IResourceEventHandler<V1Pod>
{
    public void OnList(IReadOnlyList<ResourceEvent<V1Pod>> changes, bool initial)
    {
        EnsureIdentity();
        lock (_gate)
        {
            PublishView();
            var now = _time.GetUtcNow();
            foreach (var change in changes)
            {
                ApplyPodSafely(change, now);
            }

            if (initial)
            {
                _podsListed = true;
            }

            // A snapshot that cannot take the lock at once gets the published view; without this, until the first
            // snapshot that does, that view would be the state before the initial list: no pods, though ready.
            Commit();
            PublishView();
            UpdateSynced();
        }

        Log.PodListApplied(_logger, changes.Count, initial);
    }

    public void OnEvent(ResourceEvent<V1Pod> change)
    {
        EnsureIdentity();
        lock (_gate)
        {
            ApplyPodSafely(change, _time.GetUtcNow());
            Commit();
        }
    }

    private void EnsureIdentity()
    {
        if (_identity.NeedsKubeSystemUid)
        {
            throw new InvalidOperationException("Pods arrived before the cluster id is known: resolve ClusterIdentity (Cluster:Id or the kube-system UID) before starting the pod informer.");
        }
    }

    private void ApplyPodSafely(ResourceEvent<V1Pod> change, DateTimeOffset now)
    {
        var uid = change.Object?.Metadata?.Uid;
        if (string.IsNullOrEmpty(uid))
        {
            Log.PodWithoutUid(_logger, change.Object?.Metadata?.NamespaceProperty, change.Object?.Metadata?.Name);
            return;
        }

        try
        {
            ApplyPod(uid, change, now);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // One malformed pod must not stop the others of a list, nor the watch loop.
            Log.PodFailed(_logger, ex, change.Object?.Metadata?.NamespaceProperty, change.Object?.Metadata?.Name, uid);
        }
    }

    private void ApplyPod(string uid, ResourceEvent<V1Pod> change, DateTimeOffset now)
    {
        // Read before TryGetState: a lookup that finds the retained pod's cache entry expired retires it, and a late
        // event for it must still be ignored rather than bring the pod back as live.
        var wasRetained = _retained.ContainsKey(uid);
        var existing = TryGetState(uid);
        if (existing is { Deleted: true } || (existing is null && wasRetained))
        {
            // A retained pod is frozen; a relist does not touch it (M-25, M-30 (4)).
            return;
        }

        if (change.Type != ResourceEventType.Deleted)
        {
            Upsert(existing, change.Object, now);
            return;
        }

        if (!change.IsTombstone)
        {
            Delete(Upsert(existing, change.Object, now), now);
        }
        else if (existing is not null)
        {
            // A reflector's inferred delete carries only the pod's identity (kubernetes-api B.7): the final object is
            // the last one held (M-23 (1)), already applied.
            Delete(existing, now);
        }
    }

    private PodState Upsert(PodState? existing, V1Pod pod, DateTimeOffset now)
    {
        var observation = _converter.Convert(pod, now);
        var owner = _graph.Resolve(observation.Owner, _identity.IdGuid);
        var next = _pipeline.Apply(existing, observation, owner, out var evicted);
        _metrics.Evicted(evicted);

        if (existing is null)
        {
            _graph.Track(next.Uid, owner.Path);
            Interlocked.Increment(ref _liveCount);
        }
        else if (!existing.Owner.SamePath(owner))
        {
            _graph.Untrack(next.Uid, existing.Owner.Path);
            _graph.Track(next.Uid, owner.Path);
        }

        SetState(existing, next);
        MoveStaticGroup(existing?.Owner, owner);
        return next;
    }

    /// <summary>M-23, M-24: the pod's live instances end with <c>PodDeleted</c>; it is retained or forgotten.</summary>
    private void Delete(PodState state, DateTimeOffset now)
    {
        var deleted = _pipeline.Delete(state, now, out var evicted);
        _metrics.Evicted(evicted);
        _graph.Untrack(state.Uid, state.Owner.Path);
        Interlocked.Decrement(ref _liveCount);

        var owner = state.Owner;
        var groupLeft = owner.Category == OwnerCategory.StaticPods ? LeaveStaticGroup(owner.DeploymentId) : 0;
        var ownerActive = owner.Category switch
        {
            OwnerCategory.Workload => _graph.Contains(owner.DeploymentId),
            OwnerCategory.StaticPods => groupLeft > 0,
            _ => false,
        };

        if (_options.RetentionEnabled && ownerActive)
        {
            Retain(state, deleted, now);
        }
        else
        {
            RemoveState(state);
        }

        if (owner.Category == OwnerCategory.StaticPods && groupLeft == 0)
        {
            // The group's last live pod is gone, and with it the group (M-26 (1)).
            DropRetainedOf(owner.DeploymentId);
        }
    }
}
