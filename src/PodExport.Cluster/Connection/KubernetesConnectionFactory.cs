using System.Text;
using k8s;
using Microsoft.Extensions.Options;

namespace PodExport.Cluster.Connection;

/// <summary>
/// Picks the cluster (service.md S-4): <c>Cluster:Host</c> (set by <c>--simulate</c>), then <c>--kubeconfig</c> /
/// <c>Cluster:Kubeconfig</c>, then <c>KUBECONFIG</c>, then the in-cluster service account, then
/// <c>~/.kube/config</c>; <c>--context</c> picks the kubeconfig context. When nothing is usable it throws one
/// <see cref="ClusterConnectionException"/> listing every source and why it was passed over.
/// </summary>
public sealed class KubernetesConnectionFactory(
    IOptions<ClusterConnectionOptions> options,
    KubernetesEnvironment environment,
    ClusterHostSource? hostSource = null)
{
    public KubernetesConnection Create()
    {
        if (hostSource is not null)
        {
            var host = hostSource.Host
                ?? throw new InvalidOperationException("The Kubernetes client was requested before the cluster address was resolved; the informers' hosted service resolves it at start-up.");
            return new KubernetesConnection(new KubernetesClientConfiguration { Host = host }, "in-process cluster (address resolved at start-up)");
        }

        var cluster = options.Value;
        if (!string.IsNullOrEmpty(cluster.Host))
        {
            return new KubernetesConnection(new KubernetesClientConfiguration { Host = cluster.Host }, $"{ClusterConnectionOptions.Section}:Host {cluster.Host}");
        }

        var tried = new List<string>();
        if (!string.IsNullOrEmpty(cluster.Kubeconfig))
        {
            // Asked for by name: a broken file is an error, not a reason to try something else.
            if (TryKubeconfig(cluster.Kubeconfig, cluster.Context, "--kubeconfig", tried) is { } chosen)
            {
                return chosen;
            }

            throw Failure(tried);
        }

        tried.Add("--kubeconfig / Cluster:Kubeconfig: not set");

        var variable = environment.GetVariable("KUBECONFIG");
        if (string.IsNullOrEmpty(variable))
        {
            tried.Add("KUBECONFIG: not set");
        }
        else
        {
            // kubectl merges a KUBECONFIG list; the client loads one file, so take the first that exists.
            var first = variable.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .FirstOrDefault(File.Exists);
            if (first is null)
            {
                tried.Add($"KUBECONFIG ({variable}): no such file");
            }
            else if (TryKubeconfig(first, cluster.Context, "KUBECONFIG", tried) is { } chosen)
            {
                return chosen;
            }
        }

        if (environment.IsInCluster())
        {
            try
            {
                var config = environment.InClusterConfig();
                return new KubernetesConnection(config, "in-cluster service account");
            }
            catch (Exception ex) when (ex is k8s.Exceptions.KubeConfigException or IOException or UnauthorizedAccessException or FormatException)
            {
                tried.Add($"in-cluster service account: {ex.Message}");
            }
        }
        else
        {
            tried.Add("in-cluster service account: not running in a pod (KUBERNETES_SERVICE_HOST/PORT or the service-account token missing)");
        }

        if (string.IsNullOrEmpty(environment.HomeDirectory))
        {
            tried.Add("~/.kube/config: no home directory");
        }
        else
        {
            var path = Path.Combine(environment.HomeDirectory, ".kube", "config");
            if (!File.Exists(path))
            {
                tried.Add($"~/.kube/config ({path}): no such file");
            }
            else if (TryKubeconfig(path, cluster.Context, "~/.kube/config", tried) is { } chosen)
            {
                return chosen;
            }
        }

        throw Failure(tried);
    }

    private static KubernetesConnection? TryKubeconfig(string path, string? context, string source, List<string> tried)
    {
        if (!File.Exists(path))
        {
            tried.Add($"{source} ({path}): no such file");
            return null;
        }

        try
        {
            var config = KubernetesClientConfiguration.BuildConfigFromConfigFile(path, string.IsNullOrEmpty(context) ? null : context);
            var description = $"{source} {path}, context {config.CurrentContext ?? "(current)"}";
            return new KubernetesConnection(config, description);
        }
        catch (Exception ex) when (ex is k8s.Exceptions.KubeConfigException or IOException or UnauthorizedAccessException or FormatException or YamlDotNet.Core.YamlException)
        {
            tried.Add($"{source} ({path}{(string.IsNullOrEmpty(context) ? "" : $", context {context}")}): {ex.Message}");
            return null;
        }
    }

    private static ClusterConnectionException Failure(List<string> tried)
    {
        var message = new StringBuilder("No usable Kubernetes cluster configuration. Tried, in order:");
        foreach (var attempt in tried)
        {
            message.Append("\n  - ").Append(attempt);
        }

        message.Append("\nUse --kubeconfig PATH (and --context NAME), set KUBECONFIG, run in a pod with a service account, or start with --simulate.");
        return new ClusterConnectionException(message.ToString());
    }
}
