namespace PodExport.Simulator.Scenario;

/// <summary>One container of a pod template: name, image (<c>repo:tag</c>) and the image's digest.</summary>
internal sealed record ContainerSpec(string Name, string Repository, string Tag, string Digest)
{
    public string Image => $"{Repository}:{Tag}";

    /// <summary>The <c>imageID</c> a runtime reports; dockershim-era nodes prefix <c>docker-pullable://</c>.</summary>
    public string ImageId(string runtime) =>
        runtime == "docker" ? $"docker-pullable://{Repository}@sha256:{Digest}" : $"{Repository}@sha256:{Digest}";
}
