using System.Runtime.CompilerServices;
using k8s;
using k8s.Models;
using PodExport.Cluster.Workloads;

namespace PodExport.Cluster.Informers;

/// <summary>
/// The eight watched kinds (kubernetes-api A.1, B.1). Only non-obsolete client calls: List…Async with limit/continue,
/// and WatchList…Async with <c>onError</c> so that ERROR events are not lost (C.4).
/// </summary>
public static class ResourceDefinitions
{
    public static ResourceDefinition<V1Pod> Pods { get; } = new()
    {
        Kind = "Pod",
        ListAsync = async (c, r, ct) => Page(r.Namespace is null
            ? await c.CoreV1.ListPodForAllNamespacesAsync(continueParameter: r.Continue, limit: r.Limit, resourceVersion: r.ResourceVersion, cancellationToken: ct)
            : await c.CoreV1.ListNamespacedPodAsync(r.Namespace, continueParameter: r.Continue, limit: r.Limit, resourceVersion: r.ResourceVersion, cancellationToken: ct)),
        Watch = (c, r, onError, ct) => Raw(r.Namespace is null
            ? c.CoreV1.WatchListPodForAllNamespacesAsync(allowWatchBookmarks: true, resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds, onError: onError, cancellationToken: ct)
            : c.CoreV1.WatchListNamespacedPodAsync(r.Namespace, allowWatchBookmarks: true, resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds, onError: onError, cancellationToken: ct), ct),
        Identify = pod => new(
            new ObjectKey(pod.Metadata?.NamespaceProperty ?? "", pod.Metadata?.Name ?? ""),
            pod.Metadata?.Uid ?? "",
            pod.Metadata?.ResourceVersion),
    };

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
        };

    private static ListPage<V1Pod> Page(V1PodList list)
    {
        IReadOnlyList<V1Pod> items = list.Items is IReadOnlyList<V1Pod> readOnly ? readOnly : [.. list.Items ?? []];
        foreach (var pod in items)
        {
            Trim(pod);
        }

        return new(items, list.Metadata?.ResourceVersion, list.Metadata?.ContinueProperty);
    }

    /// <summary>
    /// The reflector holds every pod's last state (for synthetic deletes); managedFields are often the largest part of
    /// an object and nothing downstream reads them (kube-state-metrics and client-go transforms drop them too).
    /// </summary>
    private static V1Pod Trim(V1Pod pod)
    {
        if (pod.Metadata is { } metadata)
        {
            metadata.ManagedFields = null;
        }

        return pod;
    }

    private static async IAsyncEnumerable<WatchItem<V1Pod>> Raw(
        IAsyncEnumerable<(WatchEventType Type, V1Pod Object)> source,
        [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var (type, pod) in source.WithCancellation(ct))
        {
            var rv = pod?.Metadata?.ResourceVersion;
            yield return type is WatchEventType.Bookmark or WatchEventType.Error
                ? new WatchItem<V1Pod>(type, rv, null)
                : new WatchItem<V1Pod>(type, rv, pod is null ? null : Trim(pod));
        }
    }

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
