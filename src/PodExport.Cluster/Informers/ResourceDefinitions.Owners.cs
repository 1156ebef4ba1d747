using System.Runtime.CompilerServices;
using k8s;
using k8s.Models;
using PodExport.Cluster.Workloads;

namespace PodExport.Cluster.Informers;

/// <summary>The seven owner kinds, projected to <see cref="OwnerObject"/> as they are decoded (pod-model §1).</summary>
public static partial class ResourceDefinitions
{
    public static ResourceDefinition<OwnerObject> ReplicaSets { get; } = Owner<V1ReplicaSet, V1ReplicaSetList>(
        "ReplicaSet",
        (c, r, ct) => r.Namespace is null
            ? c.AppsV1.ListReplicaSetForAllNamespacesAsync(continueParameter: r.Continue, limit: r.Limit, resourceVersion: r.ResourceVersion, cancellationToken: ct)
            : c.AppsV1.ListNamespacedReplicaSetAsync(r.Namespace, continueParameter: r.Continue, limit: r.Limit, resourceVersion: r.ResourceVersion, cancellationToken: ct),
        (c, r, onError, ct) => r.Namespace is null
            ? c.AppsV1.WatchListReplicaSetForAllNamespacesAsync(allowWatchBookmarks: true, resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds, onError: onError, cancellationToken: ct)
            : c.AppsV1.WatchListNamespacedReplicaSetAsync(r.Namespace, allowWatchBookmarks: true, resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds, onError: onError, cancellationToken: ct));

    public static ResourceDefinition<OwnerObject> Deployments { get; } = Owner<V1Deployment, V1DeploymentList>(
        "Deployment",
        (c, r, ct) => r.Namespace is null
            ? c.AppsV1.ListDeploymentForAllNamespacesAsync(continueParameter: r.Continue, limit: r.Limit, resourceVersion: r.ResourceVersion, cancellationToken: ct)
            : c.AppsV1.ListNamespacedDeploymentAsync(r.Namespace, continueParameter: r.Continue, limit: r.Limit, resourceVersion: r.ResourceVersion, cancellationToken: ct),
        (c, r, onError, ct) => r.Namespace is null
            ? c.AppsV1.WatchListDeploymentForAllNamespacesAsync(allowWatchBookmarks: true, resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds, onError: onError, cancellationToken: ct)
            : c.AppsV1.WatchListNamespacedDeploymentAsync(r.Namespace, allowWatchBookmarks: true, resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds, onError: onError, cancellationToken: ct));

    public static ResourceDefinition<OwnerObject> StatefulSets { get; } = Owner<V1StatefulSet, V1StatefulSetList>(
        "StatefulSet",
        (c, r, ct) => r.Namespace is null
            ? c.AppsV1.ListStatefulSetForAllNamespacesAsync(continueParameter: r.Continue, limit: r.Limit, resourceVersion: r.ResourceVersion, cancellationToken: ct)
            : c.AppsV1.ListNamespacedStatefulSetAsync(r.Namespace, continueParameter: r.Continue, limit: r.Limit, resourceVersion: r.ResourceVersion, cancellationToken: ct),
        (c, r, onError, ct) => r.Namespace is null
            ? c.AppsV1.WatchListStatefulSetForAllNamespacesAsync(allowWatchBookmarks: true, resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds, onError: onError, cancellationToken: ct)
            : c.AppsV1.WatchListNamespacedStatefulSetAsync(r.Namespace, allowWatchBookmarks: true, resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds, onError: onError, cancellationToken: ct));

    public static ResourceDefinition<OwnerObject> DaemonSets { get; } = Owner<V1DaemonSet, V1DaemonSetList>(
        "DaemonSet",
        (c, r, ct) => r.Namespace is null
            ? c.AppsV1.ListDaemonSetForAllNamespacesAsync(continueParameter: r.Continue, limit: r.Limit, resourceVersion: r.ResourceVersion, cancellationToken: ct)
            : c.AppsV1.ListNamespacedDaemonSetAsync(r.Namespace, continueParameter: r.Continue, limit: r.Limit, resourceVersion: r.ResourceVersion, cancellationToken: ct),
        (c, r, onError, ct) => r.Namespace is null
            ? c.AppsV1.WatchListDaemonSetForAllNamespacesAsync(allowWatchBookmarks: true, resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds, onError: onError, cancellationToken: ct)
            : c.AppsV1.WatchListNamespacedDaemonSetAsync(r.Namespace, allowWatchBookmarks: true, resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds, onError: onError, cancellationToken: ct));

    public static ResourceDefinition<OwnerObject> Jobs { get; } = Owner<V1Job, V1JobList>(
        "Job",
        (c, r, ct) => r.Namespace is null
            ? c.BatchV1.ListJobForAllNamespacesAsync(continueParameter: r.Continue, limit: r.Limit, resourceVersion: r.ResourceVersion, cancellationToken: ct)
            : c.BatchV1.ListNamespacedJobAsync(r.Namespace, continueParameter: r.Continue, limit: r.Limit, resourceVersion: r.ResourceVersion, cancellationToken: ct),
        (c, r, onError, ct) => r.Namespace is null
            ? c.BatchV1.WatchListJobForAllNamespacesAsync(allowWatchBookmarks: true, resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds, onError: onError, cancellationToken: ct)
            : c.BatchV1.WatchListNamespacedJobAsync(r.Namespace, allowWatchBookmarks: true, resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds, onError: onError, cancellationToken: ct));

    public static ResourceDefinition<OwnerObject> CronJobs { get; } = Owner<V1CronJob, V1CronJobList>(
        "CronJob",
        (c, r, ct) => r.Namespace is null
            ? c.BatchV1.ListCronJobForAllNamespacesAsync(continueParameter: r.Continue, limit: r.Limit, resourceVersion: r.ResourceVersion, cancellationToken: ct)
            : c.BatchV1.ListNamespacedCronJobAsync(r.Namespace, continueParameter: r.Continue, limit: r.Limit, resourceVersion: r.ResourceVersion, cancellationToken: ct),
        (c, r, onError, ct) => r.Namespace is null
            ? c.BatchV1.WatchListCronJobForAllNamespacesAsync(allowWatchBookmarks: true, resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds, onError: onError, cancellationToken: ct)
            : c.BatchV1.WatchListNamespacedCronJobAsync(r.Namespace, allowWatchBookmarks: true, resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds, onError: onError, cancellationToken: ct));

    public static ResourceDefinition<OwnerObject> ReplicationControllers { get; } = Owner<V1ReplicationController, V1ReplicationControllerList>(
        "ReplicationController",
        (c, r, ct) => r.Namespace is null
            ? c.CoreV1.ListReplicationControllerForAllNamespacesAsync(continueParameter: r.Continue, limit: r.Limit, resourceVersion: r.ResourceVersion, cancellationToken: ct)
            : c.CoreV1.ListNamespacedReplicationControllerAsync(r.Namespace, continueParameter: r.Continue, limit: r.Limit, resourceVersion: r.ResourceVersion, cancellationToken: ct),
        (c, r, onError, ct) => r.Namespace is null
            ? c.CoreV1.WatchListReplicationControllerForAllNamespacesAsync(allowWatchBookmarks: true, resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds, onError: onError, cancellationToken: ct)
            : c.CoreV1.WatchListNamespacedReplicationControllerAsync(r.Namespace, allowWatchBookmarks: true, resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds, onError: onError, cancellationToken: ct));

    /// <summary>The owner kinds, in the order they are started (all before pods, pod-model M-2).</summary>
    public static IReadOnlyList<ResourceDefinition<OwnerObject>> Owners { get; } =
        [Deployments, ReplicaSets, StatefulSets, DaemonSets, CronJobs, Jobs, ReplicationControllers];

    private static ResourceDefinition<OwnerObject> Owner<TObject, TList>(
        string kind,
        Func<IKubernetes, ListRequest, CancellationToken, Task<TList>> list,
        Func<IKubernetes, WatchRequest, Action<Exception>, CancellationToken, IAsyncEnumerable<(WatchEventType, TObject)>> watch)
        where TObject : class, IKubernetesObject<V1ObjectMeta>
        where TList : IKubernetesObject<V1ListMeta>, IItems<TObject> => new()
        {
            Kind = kind,
            ListAsync = async (c, r, ct) =>
            {
                var result = await list(c, r, ct);
                var items = new OwnerObject[result.Items?.Count ?? 0];
                var i = 0;
                foreach (var item in result.Items ?? [])
                {
                    items[i++] = OwnerProjection.Project(kind, item.Metadata);
                }

                return new ListPage<OwnerObject>(items, result.Metadata?.ResourceVersion, result.Metadata?.ContinueProperty);
            },
            Watch = (c, r, onError, ct) => ProjectOwners(kind, watch(c, r, onError, ct), ct),
            Identify = OwnerProjection.Identify,
            Tombstone = (key, uid) => OwnerProjection.Tombstone(kind, key, uid),
        };

    private static async IAsyncEnumerable<WatchItem<OwnerObject>> ProjectOwners<TObject>(
        string kind,
        IAsyncEnumerable<(WatchEventType Type, TObject Object)> source,
        [EnumeratorCancellation] CancellationToken ct)
        where TObject : class, IKubernetesObject<V1ObjectMeta>
    {
        await foreach (var (type, obj) in source.WithCancellation(ct))
        {
            var rv = obj?.Metadata?.ResourceVersion;
            yield return type is WatchEventType.Bookmark or WatchEventType.Error
                ? new WatchItem<OwnerObject>(type, rv, null)
                : new WatchItem<OwnerObject>(type, rv, OwnerProjection.Project(kind, obj?.Metadata));
        }
    }
}
