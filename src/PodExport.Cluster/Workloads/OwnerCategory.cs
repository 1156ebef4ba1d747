namespace PodExport.Cluster.Workloads;

/// <summary>What a pod's top-level object is (pod-model M-8 to M-10); decides whether a deleted pod is retained (M-24).</summary>
public enum OwnerCategory
{
    /// <summary>A workload object reached through owner references (possibly only as a reference not in the cache).</summary>
    Workload,

    /// <summary>A kube-system pod without tracked owner grouped by its <c>component</c> / <c>k8s-app</c> label.</summary>
    StaticPods,

    /// <summary>A pod that owns itself.</summary>
    Standalone,
}
