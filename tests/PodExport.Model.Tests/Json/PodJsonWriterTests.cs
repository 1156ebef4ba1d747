using System.Buffers;
using System.Text;
using System.Text.Json;
using PodExport.Model.Json;
using PodExport.Model.Wire;

namespace PodExport.Model.Tests.Json;

public sealed partial class PodJsonWriterTests
{
    public static TheoryData<string> GoldenPods => ["full", "empty", "empty-nested", "escaping", "timestamps", "sample", "worked-example"];

    [Fact]
    public void RenderLine_ExportApiSample_MatchesSpecBytes()
    {
        var line = PodJsonWriter.RenderLine(SpecPods.Sample());

        Assert.Equal(SpecPods.SampleLine + "\n", Encoding.UTF8.GetString(line));
    }

    [Fact]
    public void RenderLine_PodModelWorkedExample_MatchesSpecBytes()
    {
        var line = PodJsonWriter.RenderLine(SpecPods.WorkedExample());

        Assert.Equal(SpecPods.WorkedExampleLine + "\n", Encoding.UTF8.GetString(line));
    }

    [Theory]
    [MemberData(nameof(GoldenPods))]
    public void RenderLine_GoldenPod_MatchesGoldenFile(string name)
    {
        GoldenFile.AssertMatches($"Json/{name}.jsonl", PodJsonWriter.RenderLine(PodByName(name)));
    }

    [Theory]
    [MemberData(nameof(GoldenPods))]
    public void RenderPrettyLine_GoldenPod_MatchesGoldenFile(string name)
    {
        GoldenFile.AssertMatches($"Json/{name}.pretty.json", PodJsonWriter.RenderPrettyLine(PodByName(name)));
    }

    [Theory]
    [MemberData(nameof(GoldenPods))]
    public void RenderPrettyLine_GoldenPod_EqualsGoIndentOfCompactLine(string name)
    {
        var pod = PodByName(name);
        var compact = PodJsonWriter.RenderLine(pod);

        var expected = GoIndent.Indent(compact.AsSpan(0, compact.Length - 1));

        Assert.Equal(Encoding.UTF8.GetString(expected) + "\n", Encoding.UTF8.GetString(PodJsonWriter.RenderPrettyLine(pod)));
    }

    [Theory]
    [MemberData(nameof(GoldenPods))]
    public void RenderLine_GoldenPod_IsOneCompactLineOfValidJson(string name)
    {
        var line = PodJsonWriter.RenderLine(PodByName(name));

        Assert.Equal((byte)'\n', line[^1]);
        Assert.Equal(-1, line.AsSpan(0, line.Length - 1).IndexOfAny("\n\r"u8));
        using var document = JsonDocument.Parse(line);
        Assert.Equal("pod", Assert.Single(Assert.Single(document.RootElement.EnumerateObject()).Value.EnumerateObject()).Name);
    }

    [Fact]
    public void RenderLine_FullPod_KeysInDeclarationOrder()
    {
        using var document = JsonDocument.Parse(PodJsonWriter.RenderLine(TestPods.Full()));
        var pod = document.RootElement.GetProperty("result").GetProperty("pod");
        var instance = pod.GetProperty("terminatedInstances")[0].GetProperty("instances")[0];

        Assert.Equal(
            ["id", "name", "deploymentId", "namespace", "clusterId", "liveInstances", "terminatedInstances", "started"],
            pod.EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ["instanceId", "containingPodId", "containerName", "containerIps", "started", "imageDigest", "finished", "exitCode", "terminationReason"],
            instance.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["containerRuntime", "id", "node"], instance.GetProperty("instanceId").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void RenderLine_EmptyPod_WritesEveryFieldWithItsUnsetValue()
    {
        Assert.Equal(
            """{"result":{"pod":{"id":"","name":"","deploymentId":"","namespace":"","clusterId":"","liveInstances":[],"terminatedInstances":[],"started":null}}}""" + "\n",
            Encoding.UTF8.GetString(PodJsonWriter.RenderLine(TestPods.Empty())));
    }

    [Fact]
    public void RenderLine_UnsetInstance_WritesNullInstanceIdAndTimestamps()
    {
        var pod = new Pod { LiveInstances = [new ContainerInstance()] };

        Assert.Contains(
            """liveInstances":[{"instanceId":null,"containingPodId":"","containerName":"","containerIps":[],"started":null,"imageDigest":"","finished":null,"exitCode":0,"terminationReason":""}]""",
            Encoding.UTF8.GetString(PodJsonWriter.RenderLine(pod)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ContainerRuntime.UnknownContainerRuntime, "\"UNKNOWN_CONTAINER_RUNTIME\"")]
    [InlineData(ContainerRuntime.DockerContainerRuntime, "\"DOCKER_CONTAINER_RUNTIME\"")]
    [InlineData(ContainerRuntime.CrioContainerRuntime, "\"CRIO_CONTAINER_RUNTIME\"")]
    [InlineData((ContainerRuntime)7, "7")]
    public void RenderLine_ContainerRuntime_WritesEnumNameOrNumberWhenUnnamed(ContainerRuntime runtime, string expected)
    {
        var pod = new Pod { LiveInstances = [new ContainerInstance { InstanceId = new ContainerInstanceId(runtime, "c", "n") }] };

        Assert.Contains(
            $$"""{"instanceId":{"containerRuntime":{{expected}},"id":"c","node":"n"},""",
            Encoding.UTF8.GetString(PodJsonWriter.RenderLine(pod)), StringComparison.Ordinal);
    }

    [Fact]
    public void RenderLine_NullsWhereNullableSaysNever_WritesUnsetValues()
    {
        // Guards against callers with nullable warnings off: null strings, lists and elements read as unset.
        var pod = new Pod
        {
            Id = null!,
            LiveInstances = [null!, new ContainerInstance { ContainerIps = null!, ContainerName = null!, InstanceId = new ContainerInstanceId(ContainerRuntime.DockerContainerRuntime, null!, null!) }],
            TerminatedInstances = [null!, new Pod.ContainerInstanceList(null!)],
        };

        var text = Encoding.UTF8.GetString(PodJsonWriter.RenderLine(pod));

        Assert.StartsWith("""{"result":{"pod":{"id":"","name":"",""", text, StringComparison.Ordinal);
        Assert.Contains(
            """liveInstances":[{"instanceId":null,"containingPodId":"","containerName":"","containerIps":[],"started":null,"imageDigest":"","finished":null,"exitCode":0,"terminationReason":""},{"instanceId":{"containerRuntime":"DOCKER_CONTAINER_RUNTIME","id":"","node":""},"containingPodId":"","containerName":"","containerIps":[],""",
            text, StringComparison.Ordinal);
        Assert.Contains("""terminatedInstances":[{"instances":[]},{"instances":[]}]""", text, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderLine_EscapingPod_DecodesToTheOriginalStrings()
    {
        using var document = JsonDocument.Parse(PodJsonWriter.RenderLine(TestPods.Escaping()));
        var names = document.RootElement.GetProperty("result").GetProperty("pod").GetProperty("liveInstances")
            .EnumerateArray().Select(i => i.GetProperty("containerName").GetString()).ToArray();

        // A lone surrogate cannot travel in UTF-8; protojson and Go replace it with U+FFFD.
        var expected = TestPods.TrickyStrings.Select(s => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(s))).ToArray();
        Assert.Equal(expected, names);
    }

    [Fact]
    public void RenderLine_InvalidTimestamp_Throws()
    {
        var pod = new Pod { Started = new Timestamp(Rfc3339.MaxSeconds + 1, 0) };

        Assert.Throws<ArgumentOutOfRangeException>(() => PodJsonWriter.RenderLine(pod));
    }

    [Fact]
    public void RenderLine_AfterAFailedRender_StillWritesCorrectLine()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PodJsonWriter.RenderLine(new Pod { LiveInstances = [new ContainerInstance { Finished = new Timestamp(0, -1) }] }));

        Assert.Equal(SpecPods.SampleLine + "\n", Encoding.UTF8.GetString(PodJsonWriter.RenderLine(SpecPods.Sample())));
    }

    [Fact]
    public void RenderLine_RepeatedCalls_ReturnIndependentRightSizedArrays()
    {
        var big = PodJsonWriter.RenderLine(TestPods.Full());
        var bigCopy = big.ToArray();
        var small = PodJsonWriter.RenderLine(TestPods.Empty());
        var bigAgain = PodJsonWriter.RenderLine(TestPods.Full());

        Assert.Equal(bigCopy, big);
        Assert.Equal(big, bigAgain);
        Assert.NotSame(big, bigAgain);
        Assert.Equal(Encoding.UTF8.GetByteCount(Encoding.UTF8.GetString(small)), small.Length);
    }

    [Fact]
    public void RenderLine_HugePod_IsWrittenWhole()
    {
        var pod = new Pod { Name = new string('x', 1_000_000) + "<", LiveInstances = [.. Enumerable.Range(0, 2_000).Select(i => new ContainerInstance { ContainerName = $"c{i}" })] };

        var line = PodJsonWriter.RenderLine(pod);
        var next = PodJsonWriter.RenderLine(SpecPods.Sample());

        using var document = JsonDocument.Parse(line);
        Assert.Equal(pod.Name, document.RootElement.GetProperty("result").GetProperty("pod").GetProperty("name").GetString());
        Assert.Equal(2_000, document.RootElement.GetProperty("result").GetProperty("pod").GetProperty("liveInstances").GetArrayLength());
        Assert.Equal(SpecPods.SampleLine + "\n", Encoding.UTF8.GetString(next));
    }

    [Theory]
    [InlineData("full")]
    [InlineData("escaping")]
    [InlineData("worked-example")]
    public void RenderLine_WarmedUp_AllocatesOnlyTheResultArray(string name)
    {
        var pod = PodByName(name);
        PodJsonWriter.RenderLine(pod);
        PodJsonWriter.RenderPrettyLine(pod);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var line = PodJsonWriter.RenderLine(pod);
        var afterLine = GC.GetAllocatedBytesForCurrentThread();
        var pretty = PodJsonWriter.RenderPrettyLine(pod);
        var afterPretty = GC.GetAllocatedBytesForCurrentThread();

        // The result array plus its header and padding; the buffers and writers are reused per thread.
        Assert.InRange(afterLine - before, line.Length, line.Length + 64);
        Assert.InRange(afterPretty - afterLine, pretty.Length, pretty.Length + 64);
    }

    [Fact]
    public async Task RenderLine_ManyThreads_EachGetsTheSameBytes()
    {
        var expected = PodJsonWriter.RenderLine(TestPods.Full());
        var expectedPretty = PodJsonWriter.RenderPrettyLine(TestPods.Escaping());

        var tasks = Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 200; i++)
            {
                Assert.Equal(expected, PodJsonWriter.RenderLine(TestPods.Full()));
                Assert.Equal(expectedPretty, PodJsonWriter.RenderPrettyLine(TestPods.Escaping()));
            }
        }));

        await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void RenderPrettyLine_Sample_StartsAsInW25()
    {
        var text = Encoding.UTF8.GetString(PodJsonWriter.RenderPrettyLine(SpecPods.Sample()));

        Assert.StartsWith(
            "{\n  \"result\": {\n    \"pod\": {\n      \"id\": \"054f8eb2-e0d2-57d7-91fc-7ae1931ecafa\",\n      \"name\": \"report-28571430-x7k2q\",\n",
            text, StringComparison.Ordinal);
        Assert.EndsWith("\n    }\n  }\n}\n", text, StringComparison.Ordinal);
        Assert.Contains("\n          \"containerIps\": [],\n          \"started\": null,\n", text, StringComparison.Ordinal);
        Assert.Contains("\n      \"terminatedInstances\": [],\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" \n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", text, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderPrettyLine_ArrayOfStrings_PutsOneElementPerLine()
    {
        var text = Encoding.UTF8.GetString(PodJsonWriter.RenderPrettyLine(SpecPods.WorkedExample()));

        Assert.Contains(
            "\"containerIps\": [\n            \"10.128.2.15\",\n            \"fd00:10:128:2::15\"\n          ],\n",
            text, StringComparison.Ordinal);
    }

    [Fact]
    public void WritePod_OwnWriterWithCompactOptions_WritesTheLinePod()
    {
        var output = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(output, PodJsonWriter.CompactOptions))
        {
            writer.WriteStartArray();
            PodJsonWriter.WritePod(writer, SpecPods.Sample());
            PodJsonWriter.WriteStatus(writer, new RpcStatus(RpcCode.Ok, ""));
            writer.WriteEndArray();
        }

        var podJson = SpecPods.SampleLine["{\"result\":{\"pod\":".Length..^2];
        Assert.Equal($$"""[{{podJson}},{"code":0,"message":"","details":[]}]""", Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Fact]
    public void WritePod_WriterWithDefaultEncoder_Throws()
    {
        using var writer = new Utf8JsonWriter(new ArrayBufferWriter<byte>());

        Assert.Throws<ArgumentException>(() => PodJsonWriter.WritePod(writer, SpecPods.Sample()));
        Assert.Throws<ArgumentException>(() => PodJsonWriter.WriteStatus(writer, new RpcStatus(RpcCode.Ok, "")));
    }

    [Fact]
    public void WritePod_OwnIndentedWriter_MatchesRenderPrettyLine()
    {
        var output = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(output, PodJsonWriter.PrettyOptions))
        {
            PodJsonWriter.WritePod(writer, TestPods.Full());
        }

        var expected = GoIndent.Indent(PodJsonOf(TestPods.Full()));
        Assert.Equal(expected, Encoding.UTF8.GetString(output.WrittenSpan));
    }

    private static string PodJsonOf(Pod pod)
    {
        var line = Encoding.UTF8.GetString(PodJsonWriter.RenderLine(pod));
        return line["{\"result\":{\"pod\":".Length..^3];
    }

    internal static Pod PodByName(string name) => name switch
    {
        "full" => TestPods.Full(),
        "empty" => TestPods.Empty(),
        "empty-nested" => TestPods.EmptyNested(),
        "escaping" => TestPods.Escaping(),
        "timestamps" => TestPods.Timestamps(),
        "sample" => SpecPods.Sample(),
        "worked-example" => SpecPods.WorkedExample(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };
}
