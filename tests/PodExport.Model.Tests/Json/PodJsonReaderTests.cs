using System.Text;
using System.Text.Json;
using PodExport.Model.Json;
using PodExport.Model.Wire;

namespace PodExport.Model.Tests.Json;

public sealed class PodJsonReaderTests
{
    public static TheoryData<string> GoldenPods => PodJsonWriterTests.GoldenPods;

    [Theory]
    [MemberData(nameof(GoldenPods))]
    public void ReadLine_GoldenPod_RendersTheSameBytesAgain(string name)
    {
        var line = PodJsonWriter.RenderLine(PodJsonWriterTests.PodByName(name));

        var pod = PodJsonReader.ReadLine(line);

        Assert.Equal(Encoding.UTF8.GetString(line), Encoding.UTF8.GetString(PodJsonWriter.RenderLine(pod)));
    }

    [Fact]
    public void ReadLine_FullPod_RestoresEveryField()
    {
        var original = TestPods.Full();

        var pod = PodJsonReader.ReadLine(PodJsonWriter.RenderLine(original));

        Assert.Equal((original.Id, original.Name, original.DeploymentId, original.Namespace, original.ClusterId, original.Started),
            (pod.Id, pod.Name, pod.DeploymentId, pod.Namespace, pod.ClusterId, pod.Started));
        Assert.Equal(original.LiveInstances.Count, pod.LiveInstances.Count);
        var expected = original.TerminatedInstances[0].Instances[1];
        var actual = pod.TerminatedInstances[0].Instances[1];
        Assert.Equal(expected.InstanceId, actual.InstanceId);
        Assert.Equal((expected.ContainingPodId, expected.ContainerName, expected.Started, expected.ImageDigest, expected.Finished, expected.ExitCode, expected.TerminationReason),
            (actual.ContainingPodId, actual.ContainerName, actual.Started, actual.ImageDigest, actual.Finished, actual.ExitCode, actual.TerminationReason));
        Assert.Equal(expected.ContainerIps, actual.ContainerIps);
    }

    [Fact]
    public void ReadLine_EscapingPod_RestoresTheStringsAsWritten()
    {
        var pod = PodJsonReader.ReadLine(PodJsonWriter.RenderLine(TestPods.Escaping()));

        Assert.Equal(TestPods.TrickyStrings[0], pod.Id);
        Assert.Equal(TestPods.TrickyStrings[2], pod.LiveInstances[2].ContainerName);
        Assert.Equal(TestPods.TrickyStrings[3], pod.TerminatedInstances[0].Instances[3].TerminationReason);
    }

    [Fact]
    public void ReadLine_UnsetInstance_KeepsNullInstanceIdAndTimestamps()
    {
        var pod = PodJsonReader.ReadLine(PodJsonWriter.RenderLine(TestPods.EmptyNested()));

        var instance = Assert.Single(pod.LiveInstances);
        Assert.Null(instance.InstanceId);
        Assert.Null(instance.Started);
        Assert.Null(instance.Finished);
        Assert.Equal(2, pod.TerminatedInstances.Count);
        Assert.Empty(pod.TerminatedInstances[0].Instances);
    }

    [Fact]
    public void ReadLine_UnnamedRuntimeNumber_ReadsTheNumber()
    {
        var written = new Pod
        {
            LiveInstances = [new ContainerInstance { InstanceId = new ContainerInstanceId((ContainerRuntime)7, "x", "n") }],
        };

        var pod = PodJsonReader.ReadLine(PodJsonWriter.RenderLine(written));

        Assert.Equal((ContainerRuntime)7, pod.LiveInstances[0].InstanceId!.ContainerRuntime);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("{\"result\":{\"pod\":{\"unknown\":1}}}")]
    [InlineData("{\"result\":{\"pod\":{\"started\":\"yesterday\"}}}")]
    [InlineData("{\"result\":{\"pod\":{\"id\":\"a\"")]
    public void ReadLine_NotAPodLine_Throws(string text)
    {
        Assert.ThrowsAny<JsonException>(() => PodJsonReader.ReadLine(Encoding.UTF8.GetBytes(text)));
    }
}
