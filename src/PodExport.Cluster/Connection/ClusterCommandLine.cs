namespace PodExport.Cluster.Connection;

/// <summary>
/// The kubectl-style switches, for <c>AddCommandLine(args, ClusterCommandLine.SwitchMappings)</c>:
/// <c>--kubeconfig PATH</c> and <c>--context NAME</c>.
/// </summary>
public static class ClusterCommandLine
{
    public static IDictionary<string, string> SwitchMappings { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["--kubeconfig"] = $"{ClusterConnectionOptions.Section}:{nameof(ClusterConnectionOptions.Kubeconfig)}",
        ["--context"] = $"{ClusterConnectionOptions.Section}:{nameof(ClusterConnectionOptions.Context)}",
    };
}
