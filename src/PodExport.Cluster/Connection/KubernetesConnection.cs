using k8s;

namespace PodExport.Cluster.Connection;

/// <summary>The chosen client configuration and a human description of where it came from.</summary>
public sealed record KubernetesConnection(KubernetesClientConfiguration Configuration, string Source);
