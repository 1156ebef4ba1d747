using k8s;

namespace PodExport.Cluster.Connection;

/// <summary>What the connection sources read from the machine; replaced in tests.</summary>
public sealed class KubernetesEnvironment
{
    public static KubernetesEnvironment Process { get; } = new();

    public Func<string, string?> GetVariable { get; init; } = Environment.GetEnvironmentVariable;

    public string? HomeDirectory { get; init; } = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

    /// <summary>The service-account environment and token are present (KubernetesClient's own check).</summary>
    public Func<bool> IsInCluster { get; init; } = KubernetesClientConfiguration.IsInCluster;

    public Func<KubernetesClientConfiguration> InClusterConfig { get; init; } = KubernetesClientConfiguration.InClusterConfig;
}
