using Microsoft.Extensions.Caching.Memory;
using PodExport.Cluster.Pods;

namespace PodExport.Cluster.Store;

/// <summary>Retained deleted pods: by owner, by age, by count (pod-model M-24 to M-26).</summary>
public sealed partial class PodStore
{
    private readonly Dictionary<string, RetainedPod> _retained = new(StringComparer.Ordinal);
    private readonly SortedSet<RetainedPod> _retentionOrder = new(RetainedPod.OldestFirst);
    private readonly Dictionary<string, HashSet<string>> _retainedByOwner = new(StringComparer.Ordinal);

    private void Retain(PodState live, PodState deleted, DateTimeOffset deletedAt)
    {
        var entry = new MemoryCacheEntryOptions
        {
            Priority = CacheItemPriority.NeverRemove,
            AbsoluteExpiration = deletedAt + _options.DeletedPodRetention,
        };
        entry.RegisterPostEvictionCallback(static (key, _, reason, state) => ((PodStore)state!).OnCacheEviction(key, reason), this);
        SetState(live, deleted);
        _cache.Set(new PodCacheKey(deleted.Uid), deleted.Uid, entry);

        var retained = new RetainedPod(deleted.Uid, deleted.Owner.DeploymentId, deletedAt, deleted.Record, deleted.HeldInstances);
        _retained.Add(retained.Uid, retained);
        _retentionOrder.Add(retained);
        if (!_retainedByOwner.TryGetValue(retained.DeploymentId, out var group))
        {
            group = new HashSet<string>(StringComparer.Ordinal);
            _retainedByOwner.Add(retained.DeploymentId, group);
        }

        group.Add(retained.Uid);

        while (_retained.Count > _options.MaxRetainedDeletedPods && _retentionOrder.Min is { } oldest)
        {
            Retire(oldest, DropReason.Cap);
        }
    }

    /// <summary>M-26 (1): the owner (or StaticPods group) is gone, and so are the pods retained under it.</summary>
    private void DropRetainedOf(string deploymentId)
    {
        if (_retainedByOwner.TryGetValue(deploymentId, out var group))
        {
            foreach (var uid in group.ToArray())
            {
                Retire(_retained[uid], DropReason.OwnerDeleted);
            }
        }
    }

    /// <summary>M-26 (2): drops every retained pod whose deletion time plus retention is at or before <paramref name="now"/>.</summary>
    private void RetireExpired(DateTimeOffset now)
    {
        while (_retentionOrder.Min is { } oldest && oldest.DeletedAt + _options.DeletedPodRetention <= now)
        {
            Retire(oldest, DropReason.RetentionExpired);
        }
    }

    private void Retire(RetainedPod retained, string reason)
    {
        _retained.Remove(retained.Uid);
        _retentionOrder.Remove(retained);
        if (_retainedByOwner.TryGetValue(retained.DeploymentId, out var group) && group.Remove(retained.Uid) && group.Count == 0)
        {
            _retainedByOwner.Remove(retained.DeploymentId);
        }

        _heldInstances -= retained.HeldInstances;
        _pods.Remove(retained.Uid);
        _cache.Remove(new PodCacheKey(retained.Uid));
        _index.Stage(retained.Uid, retained.Record, null);
        _metrics.Dropped(reason);
    }

    /// <summary>The cache found a retained pod expired on its own (on a lookup or its scan); retire it like the sweep would.</summary>
    private void OnCacheEviction(object key, EvictionReason reason)
    {
        if (reason is not (EvictionReason.Expired or EvictionReason.TokenExpired or EvictionReason.Capacity) || key is not PodCacheKey podKey)
        {
            return;
        }

        lock (_gate)
        {
            if (!_disposed && _retained.TryGetValue(podKey.Uid, out var retained))
            {
                Retire(retained, DropReason.RetentionExpired);
                Commit();
            }
        }
    }
}
