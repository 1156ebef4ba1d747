using PodExport.Model.Json;
using PodExport.Model.Records;
using PodExport.Model.Tests.Json;
using PodExport.Model.Wire;

namespace PodExport.Model.Tests.Records;

public sealed class PodRecordTests
{
    [Fact]
    public void Constructor_FullPod_LineIsTheRenderedLine()
    {
        var pod = TestPods.Full();

        var record = new PodRecord(pod, new PodAttributes());

        Assert.Equal(PodJsonWriter.RenderLine(pod), record.Line);
        Assert.Equal(record.Line, PodJsonWriter.RenderLine(record.Pod));
    }

    [Fact]
    public void Constructor_WorkedExample_LineMatchesSpec()
    {
        var record = new PodRecord(SpecPods.WorkedExample(), new PodAttributes());

        Assert.Equal(SpecPods.WorkedExampleLine + "\n", System.Text.Encoding.UTF8.GetString(record.Line));
    }

    [Fact]
    public void Constructor_FullPod_FlattensListFields()
    {
        var record = new PodRecord(TestPods.Full(), new PodAttributes());

        Assert.Equal(["api", "sidecar", "api", "api", "init-db"], record.ContainerNames);
        Assert.Equal(
            ["sha256:1111111111111111111111111111111111111111111111111111111111111111", "sha256:2222222222222222222222222222222222222222222222222222222222222222"],
            record.LiveImageDigests);
        Assert.Equal([137, -1, 0], record.ExitCodes);
        Assert.Equal(["OOMKilled", "Error", "Completed"], record.TerminationReasons);
    }

    [Fact]
    public void Constructor_EmptyPod_HasEmptyListFields()
    {
        var record = new PodRecord(TestPods.Empty(), new PodAttributes());

        Assert.Empty(record.ContainerNames);
        Assert.Empty(record.LiveImageDigests);
        Assert.Empty(record.ExitCodes);
        Assert.Empty(record.TerminationReasons);
        Assert.Equal("", record.Id);
    }

    [Fact]
    public void Constructor_Identity_ComesFromThePod()
    {
        var attributes = new PodAttributes { PodUid = "u", Node = "n" };

        var record = new PodRecord(new Pod { Id = "i", Name = "a", Namespace = "ns" }, attributes);

        Assert.Equal(("i", "a", "ns"), (record.Id, record.Name, record.Namespace));
        Assert.Same(attributes, record.Attributes);
    }

    [Fact]
    public void Constructor_FullPod_KeepsIdentityAndStartedOfThePod()
    {
        var pod = TestPods.Full();

        var record = new PodRecord(pod, new PodAttributes());

        Assert.Equal((pod.Id, pod.Name, pod.DeploymentId, pod.ClusterId, pod.Started), (record.Id, record.Name, record.DeploymentId, record.ClusterId, record.Started));
    }

    [Fact]
    public void RenderPrettyLine_FullPod_SameAsRenderingThePodPretty()
    {
        var pod = TestPods.Full();

        var record = new PodRecord(pod, new PodAttributes());

        Assert.Equal(PodJsonWriter.RenderPrettyLine(pod), record.RenderPrettyLine());
    }

    [Fact]
    public void Create_SamePodAndAttributes_ReturnsPrevious()
    {
        var attributes = new PodAttributes { PodUid = "u" };
        var previous = PodRecord.Create(TestPods.Full(), attributes, previous: null);

        Assert.Same(previous, PodRecord.Create(TestPods.Full(), attributes, previous));
    }

    [Fact]
    public void Create_SamePodOtherAttributes_SharesLineAndLists()
    {
        var previous = PodRecord.Create(TestPods.Full(), new PodAttributes(), previous: null);
        var attributes = new PodAttributes { RestartCount = 3 };

        var record = PodRecord.Create(TestPods.Full(), attributes, previous);

        Assert.NotSame(previous, record);
        Assert.Same(attributes, record.Attributes);
        Assert.Same(previous.Line, record.Line);
        Assert.Same(previous.ContainerNames, record.ContainerNames);
        Assert.Same(previous.Name, record.Name);
    }

    [Fact]
    public void Create_ChangedPod_RendersNewLine()
    {
        var attributes = new PodAttributes();
        var previous = PodRecord.Create(TestPods.Full(), attributes, previous: null);
        var changed = TestPods.Full() with { Name = "other" };

        var record = PodRecord.Create(changed, attributes, previous);

        Assert.Equal(PodJsonWriter.RenderLine(changed), record.Line);
        Assert.Equal("other", record.Name);
    }

    [Fact]
    public void Create_WithPool_ListsComeFromThePool()
    {
        var pool = new RecordingPool();

        var first = PodRecord.Create(TestPods.Full(), new PodAttributes(), previous: null, pool);
        var second = PodRecord.Create(TestPods.Full() with { Id = "other" }, new PodAttributes(), previous: null, pool);

        Assert.Same(first.ContainerNames, second.ContainerNames);
        Assert.Same(first.LiveImageDigests, second.LiveImageDigests);
        Assert.Equal(["api", "sidecar", "api", "api", "init-db"], second.ContainerNames);
    }

    [Fact]
    public void WithOwner_OtherDeployment_RendersLineWithIt()
    {
        var pod = TestPods.Full();
        var record = new PodRecord(pod, new PodAttributes());
        var attributes = new PodAttributes { OwnerName = "web" };

        var moved = record.WithOwner("new-owner", attributes);

        Assert.Equal(PodJsonWriter.RenderLine(pod with { DeploymentId = "new-owner" }), moved.Line);
        Assert.Equal("new-owner", moved.DeploymentId);
        Assert.Same(attributes, moved.Attributes);
        Assert.Same(record.ContainerNames, moved.ContainerNames);
        Assert.Same(record, record.WithOwner(pod.DeploymentId, record.Attributes));
    }

    [Fact]
    public void CompareExportOrder_Records_SortByNamespaceThenNameThenId()
    {
        PodRecord[] expected =
        [
            Record("A", "z", "1"),
            Record("B", "a", "1"),
            Record("a", "a", "1"),
            Record("a", "a", "2"),
            Record("a", "b", "0"),
            Record("a", "ba", "0"),
            Record("b", "", ""),
            Record("é", "a", "1"),
        ];
        var shuffled = expected.Reverse().ToList();

        shuffled.Sort(PodRecord.CompareExportOrder);

        Assert.Equal(expected, shuffled);
    }

    [Fact]
    public void CompareExportOrder_UsesOrdinalNotCulture()
    {
        // Ordinal: uppercase before lowercase, "a-b" before "a_b" before "ab" (0x2D < 0x5F < 0x62).
        Assert.True(PodRecord.CompareExportOrder(Record("Z", "x", "1"), Record("a", "x", "1")) < 0);
        Assert.True(PodRecord.CompareExportOrder(Record("n", "a-b", "1"), Record("n", "a_b", "1")) < 0);
        Assert.True(PodRecord.CompareExportOrder(Record("n", "a_b", "1"), Record("n", "ab", "1")) < 0);
    }

    [Fact]
    public void CompareExportOrder_NullsAndSameInstance_AreHandled()
    {
        var record = Record("a", "b", "c");

        Assert.Equal(0, PodRecord.CompareExportOrder(record, record));
        Assert.Equal(0, PodRecord.CompareExportOrder(null, null));
        Assert.True(PodRecord.CompareExportOrder(null, record) < 0);
        Assert.True(PodRecord.CompareExportOrder(record, null) > 0);
        Assert.Equal(0, PodRecord.CompareExportOrder(record, Record("a", "b", "c")));
    }

    private static PodRecord Record(string ns, string name, string id) =>
        new(new Pod { Namespace = ns, Name = name, Id = id }, new PodAttributes());

    private sealed class RecordingPool : IStringArrayPool
    {
        private readonly List<string[]> _held = [];

        public string[] Share(string[] values)
        {
            var held = _held.Find(h => h.AsSpan().SequenceEqual(values));
            if (held is not null)
            {
                return held;
            }

            _held.Add(values);
            return values;
        }
    }
}
