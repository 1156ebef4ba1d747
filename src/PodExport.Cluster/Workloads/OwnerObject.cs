using k8s.Models;

namespace PodExport.Cluster.Workloads;

/// <summary>
/// The slim projection of an owner object (ReplicaSet, Deployment, …) the informers keep: only what owner
/// resolution needs (pod-model §1, kubernetes-api B.1).
/// </summary>
public sealed record OwnerObject(
    string Kind,
    string Uid,
    string Name,
    string Namespace,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<V1OwnerReference> OwnerReferences,
    string ResourceVersion);
