using PodExport.Cluster.Pods;
using PodExport.Model.Wire;

namespace PodExport.Cluster.Tests.Pods;

public sealed class ContainerIdsTests
{
    [Theory]
    [InlineData("containerd://4f1c9a", ContainerRuntime.UnknownContainerRuntime, "4f1c9a")]
    [InlineData("cri-o://9ab0", ContainerRuntime.CrioContainerRuntime, "9ab0")]
    [InlineData("docker://77de", ContainerRuntime.DockerContainerRuntime, "77de")]
    [InlineData("9ab0", ContainerRuntime.UnknownContainerRuntime, "9ab0")]
    [InlineData("", ContainerRuntime.UnknownContainerRuntime, "")]
    [InlineData(null, ContainerRuntime.UnknownContainerRuntime, "")]
    [InlineData("rkt://a://b", ContainerRuntime.UnknownContainerRuntime, "a://b")]
    public void Parse_SpecExamples_MatchM14(string? containerId, ContainerRuntime runtime, string id) =>
        Assert.Equal(new ContainerInstanceId(runtime, id, "n1"), ContainerIds.Parse(containerId, "n1"));

    [Theory]
    [InlineData("docker-pullable://nginx@sha256:abc", "sha256:abc")]
    [InlineData("quay.io/x@sha512:def", "sha512:def")]
    [InlineData("x@sha512:def-sha256:abc", "sha256:abc")]
    [InlineData("nginx:1.27", "")]
    [InlineData(null, "")]
    public void ImageDigest_ImageIds_MatchM13(string? imageId, string digest) =>
        Assert.Equal(digest, ContainerIds.ImageDigest(imageId));
}
