using PodExport.Model.Wire;

namespace PodExport.Cluster.Pods;

/// <summary>Container ID and image ID parsing (pod-model M-13, M-14).</summary>
public static class ContainerIds
{
    private const string Separator = "://";

    /// <summary><c>containerd://4f1c…</c> → (UNKNOWN, <c>4f1c…</c>); <c>cri-o://…</c> → CRIO; <c>docker://…</c> → DOCKER.</summary>
    public static ContainerInstanceId Parse(string? containerId, string node)
    {
        if (string.IsNullOrEmpty(containerId))
        {
            return new ContainerInstanceId(ContainerRuntime.UnknownContainerRuntime, "", node);
        }

        var separator = containerId.IndexOf(Separator, StringComparison.Ordinal);
        if (separator < 0)
        {
            return new ContainerInstanceId(ContainerRuntime.UnknownContainerRuntime, containerId, node);
        }

        var prefix = containerId.AsSpan(0, separator);
        var runtime = prefix switch
        {
            "docker" => ContainerRuntime.DockerContainerRuntime,
            "cri-o" => ContainerRuntime.CrioContainerRuntime,
            _ => ContainerRuntime.UnknownContainerRuntime,
        };
        return new ContainerInstanceId(runtime, containerId[(separator + Separator.Length)..], node);
    }

    /// <summary>From the first <c>sha256:</c> to the end, else from the first <c>sha512:</c>, else empty.</summary>
    public static string ImageDigest(string? imageId)
    {
        if (string.IsNullOrEmpty(imageId))
        {
            return "";
        }

        var at = imageId.IndexOf("sha256:", StringComparison.Ordinal);
        if (at < 0)
        {
            at = imageId.IndexOf("sha512:", StringComparison.Ordinal);
        }

        return at < 0 ? "" : imageId[at..];
    }
}
