using PodExport.Cluster.Identity;

namespace PodExport.Cluster.Workloads;

/// <summary>
/// The owner cache and who depends on whom: resolves a pod's top-level owner (pod-model M-5 to M-10) and tells
/// which pods pass through an owner, so that an owner change re-resolves exactly those (M-11). Not thread-safe:
/// the pod store calls it under its writer lock.
/// </summary>
public sealed class WorkloadGraph
{
    /// <summary>M-8 cycle guard.</summary>
    public const int MaxSteps = 10;

    /// <summary>The owner kinds the informers watch (pod-model §1).</summary>
    public static readonly IReadOnlyList<string> WatchedKinds =
        ["ReplicaSet", "Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "ReplicationController"];

    private const string KubeSystem = "kube-system";
    private const string StaticPodsKind = "StaticPods";
    private const string StandaloneKind = "Pod";

    private readonly Dictionary<string, OwnerObject> _owners = new(StringComparer.Ordinal);
    // A pod is kept under the first owner of its walk only (its ReplicaSet, say); an owner further up (the
    // Deployment) counts, per first owner, the pods whose walk passes through it. So a pod costs one entry, not one
    // per step of its walk.
    private readonly Dictionary<string, HashSet<string>> _dependents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, int>> _through = new(StringComparer.Ordinal);

    // The pods of one ReplicaSet (Job, …) resolve alike: by the UID of the first owner, when it is in the cache, one
    // resolution serves them all until some owner changes (then every entry may be stale, and all are dropped).
    private readonly Dictionary<string, OwnerResolution> _resolved = new(StringComparer.Ordinal);

    public int OwnerCount => _owners.Count;

    public bool Contains(string uid) => _owners.ContainsKey(uid);

    public bool TryGetOwner(string uid, out OwnerObject owner) => _owners.TryGetValue(uid, out owner!);

    /// <summary>Adds or replaces an owner; true when something a pod's resolution reads has changed.</summary>
    public bool Upsert(OwnerObject owner)
    {
        if (_owners.TryGetValue(owner.Uid, out var old))
        {
            _owners[owner.Uid] = owner;
            if (SameForResolution(old, owner))
            {
                return false;
            }
        }
        else
        {
            _owners.Add(owner.Uid, owner);
        }

        _resolved.Clear();
        return true;
    }

    /// <summary>Removes an owner; true when it was held.</summary>
    public bool Remove(string uid)
    {
        if (!_owners.Remove(uid))
        {
            return false;
        }

        _resolved.Clear();
        return true;
    }

    /// <summary>
    /// Pods (by UID) whose last resolution walked through <paramref name="ownerUid"/>; possibly a few more (pods
    /// under the same first owner whose walk took another way, which re-resolving leaves as they are).
    /// </summary>
    public IReadOnlyCollection<string> DependentsOf(string ownerUid)
    {
        _dependents.TryGetValue(ownerUid, out var direct);
        if (!_through.TryGetValue(ownerUid, out var firstOwners))
        {
            return direct is null ? [] : direct;
        }

        var pods = direct is null ? new HashSet<string>(StringComparer.Ordinal) : new HashSet<string>(direct, StringComparer.Ordinal);
        foreach (var first in firstOwners.Keys)
        {
            if (_dependents.TryGetValue(first, out var under))
            {
                pods.UnionWith(under);
            }
        }

        return pods;
    }

    /// <summary>Records that the pod's walk passes through every UID of <paramref name="path"/>.</summary>
    public void Track(string podUid, IReadOnlyList<string> path)
    {
        if (path.Count == 0)
        {
            return;
        }

        var first = path[0];
        if (!_dependents.TryGetValue(first, out var pods))
        {
            pods = new HashSet<string>(StringComparer.Ordinal);
            _dependents.Add(first, pods);
        }

        if (!pods.Add(podUid))
        {
            return;
        }

        for (var i = 1; i < path.Count; i++)
        {
            if (!_through.TryGetValue(path[i], out var firstOwners))
            {
                firstOwners = new Dictionary<string, int>(StringComparer.Ordinal);
                _through.Add(path[i], firstOwners);
            }

            firstOwners[first] = firstOwners.GetValueOrDefault(first) + 1;
        }
    }

    public void Untrack(string podUid, IReadOnlyList<string> path)
    {
        if (path.Count == 0)
        {
            return;
        }

        var first = path[0];
        if (!_dependents.TryGetValue(first, out var pods) || !pods.Remove(podUid))
        {
            return;
        }

        if (pods.Count == 0)
        {
            _dependents.Remove(first);
        }

        for (var i = 1; i < path.Count; i++)
        {
            if (!_through.TryGetValue(path[i], out var firstOwners) || !firstOwners.TryGetValue(first, out var count))
            {
                continue;
            }

            if (count > 1)
            {
                firstOwners[first] = count - 1;
            }
            else if (firstOwners.Remove(first) && firstOwners.Count == 0)
            {
                _through.Remove(path[i]);
            }
        }
    }

    /// <summary>Resolves the pod's top-level owner against the owner cache as it is now (M-8 to M-10).</summary>
    public OwnerResolution Resolve(PodOwnerInput pod, Guid clusterId)
    {
        var reference = OwnerReferenceRules.SelectTracked(pod.OwnerReferences);
        if (reference is null)
        {
            return ResolveUnowned(pod, clusterId);
        }

        var first = reference.Uid;
        if (_resolved.TryGetValue(first, out var shared))
        {
            return shared;
        }

        var path = new List<string>(2);
        OwnerObject? current = null;
        for (var step = 1; ; step++)
        {
            // SelectTracked only returns references with a UID.
            var uid = reference.Uid;
            path.Add(uid);
            if (!_owners.TryGetValue(uid, out var owner))
            {
                // Not listed yet, gone, or a kind nobody watches: the reference itself is the top (M-8).
                var top = new OwnerResolution(uid, reference.Name ?? "", reference.Kind ?? "", LabelMaps.Empty, OwnerCategory.Workload, path.ToArray());
                if (path.Count > 1)
                {
                    _resolved[first] = top;
                }

                return top;
            }

            current = owner;
            if (step == MaxSteps)
            {
                break;
            }

            reference = OwnerReferenceRules.SelectTracked(owner.OwnerReferences);
            if (reference is null)
            {
                break;
            }
        }

        var resolution = new OwnerResolution(current.Uid, current.Name, current.Kind, current.Labels, OwnerCategory.Workload, path.ToArray());
        _resolved[first] = resolution;
        return resolution;
    }

    private static OwnerResolution ResolveUnowned(PodOwnerInput pod, Guid clusterId)
    {
        if (pod.Namespace == KubeSystem
            && (pod.Labels.TryGetValue("component", out var group) || pod.Labels.TryGetValue("k8s-app", out group)))
        {
            return new OwnerResolution(
                Uuid5.CreateString(clusterId, group), $"static-{group}-pods", StaticPodsKind, pod.Labels, OwnerCategory.StaticPods, []);
        }

        return new OwnerResolution(pod.Uid, pod.Name, StandaloneKind, pod.Labels, OwnerCategory.Standalone, []);
    }

    private static bool SameForResolution(OwnerObject left, OwnerObject right) =>
        left.Kind == right.Kind
        && left.Name == right.Name
        && LabelMaps.Equal(left.Labels, right.Labels)
        && SameReference(OwnerReferenceRules.SelectTracked(left.OwnerReferences), OwnerReferenceRules.SelectTracked(right.OwnerReferences));

    private static bool SameReference(k8s.Models.V1OwnerReference? left, k8s.Models.V1OwnerReference? right) =>
        left is null || right is null
            ? left is null && right is null
            : left.Uid == right.Uid && left.Kind == right.Kind && left.Name == right.Name;
}
