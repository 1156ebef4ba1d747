using System.Runtime.CompilerServices;
using k8s;
using k8s.Models;

namespace PodExport.Cluster.Informers;

/// <summary>
/// The eight watched kinds (kubernetes-api A.1, B.1): pods here, the owner kinds in <c>ResourceDefinitions.Owners.cs</c>.
/// Only non-obsolete client calls: List…Async with limit/continue, and WatchList…Async with <c>onError</c> so that
/// ERROR events are not lost (C.4).
/// </summary>
public static partial class ResourceDefinitions
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
        Tombstone = static (key, uid) => new V1Pod
        {
            // Spec and status stay null: the store deletes the state it holds for this UID (pod-model M-23).
            Metadata = new V1ObjectMeta { Name = key.Name, NamespaceProperty = key.Namespace, Uid = uid },
        },
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
}
