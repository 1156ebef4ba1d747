using k8s;
using k8s.Models;
using PodExport.Cluster.Workloads;

namespace PodExport.Benchmarks.EndToEnd;

/// <summary>The simulator's owner objects, projected as the owner informers keep them.</summary>
public static class OwnerLists
{
    public static async Task<IReadOnlyList<(string Kind, IReadOnlyList<OwnerObject> Objects)>> ListAsync(Kubernetes client, CancellationToken ct)
    {
        return
        [
            ("ReplicaSet", Project("ReplicaSet", (await client.AppsV1.ListReplicaSetForAllNamespacesAsync(cancellationToken: ct)).Items)),
            ("Deployment", Project("Deployment", (await client.AppsV1.ListDeploymentForAllNamespacesAsync(cancellationToken: ct)).Items)),
            ("StatefulSet", Project("StatefulSet", (await client.AppsV1.ListStatefulSetForAllNamespacesAsync(cancellationToken: ct)).Items)),
            ("DaemonSet", Project("DaemonSet", (await client.AppsV1.ListDaemonSetForAllNamespacesAsync(cancellationToken: ct)).Items)),
            ("Job", Project("Job", (await client.BatchV1.ListJobForAllNamespacesAsync(cancellationToken: ct)).Items)),
            ("CronJob", Project("CronJob", (await client.BatchV1.ListCronJobForAllNamespacesAsync(cancellationToken: ct)).Items)),
            ("ReplicationController", Project("ReplicationController", (await client.CoreV1.ListReplicationControllerForAllNamespacesAsync(cancellationToken: ct)).Items)),
        ];
    }

    private static OwnerObject[] Project<T>(string kind, IEnumerable<T> items)
        where T : IKubernetesObject<V1ObjectMeta> =>
        [.. items.Select(o => new OwnerObject(
            kind,
            o.Metadata.Uid ?? "",
            o.Metadata.Name ?? "",
            o.Metadata.NamespaceProperty ?? "",
            o.Metadata.Labels is { } labels ? new Dictionary<string, string>(labels, StringComparer.Ordinal) : new Dictionary<string, string>(),
            o.Metadata.OwnerReferences is { } refs ? [.. refs] : [],
            o.Metadata.ResourceVersion ?? ""))];
}
