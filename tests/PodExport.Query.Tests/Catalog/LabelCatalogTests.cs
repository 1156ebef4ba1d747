using PodExport.Query.Catalog;

namespace PodExport.Query.Tests.Catalog;

public sealed class LabelCatalogTests
{
    [Fact]
    public void Supported_TwentyLabelsInOrdinalOrder()
    {
        Assert.Equal(20, LabelCatalog.Supported.Count);
        var names = LabelCatalog.Supported.Select(l => l.Name).ToArray();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
    }

    [Theory]
    [InlineData("Pod ID", FieldType.Uuid, false)]
    [InlineData("Pod Name", FieldType.String, false)]
    [InlineData("Deployment ID", FieldType.Uuid, false)]
    [InlineData("Namespace", FieldType.String, false)]
    [InlineData("Cluster ID", FieldType.Uuid, false)]
    [InlineData("Container Image Digest", FieldType.String, true)]
    [InlineData("Cluster", FieldType.String, false)]
    [InlineData("Deployment", FieldType.String, false)]
    [InlineData("Deployment Type", FieldType.String, false)]
    [InlineData("Deployment Label", FieldType.Map, false)]
    [InlineData("Pod Label", FieldType.Map, false)]
    [InlineData("Pod UID", FieldType.Uuid, false)]
    [InlineData("Node", FieldType.String, false)]
    [InlineData("Container Name", FieldType.String, true)]
    [InlineData("Image", FieldType.String, true)]
    [InlineData("Pod Started", FieldType.Date, false)]
    [InlineData("Exit Code", FieldType.Numeric, true)]
    [InlineData("Termination Reason", FieldType.String, true)]
    [InlineData("Container Restarts", FieldType.Numeric, false)]
    [InlineData("Pod Deleted", FieldType.Bool, false)]
    public void TryGetSupported_EachLabel_TypeAndListness(string name, FieldType type, bool isList)
    {
        Assert.True(LabelCatalog.TryGetSupported(name, out var label));
        Assert.Equal(name, label.Name);
        Assert.Equal(type, label.Type);
        Assert.Equal(isList, label.IsList);
        Assert.True(LabelCatalog.TryGetSupported(name.ToUpperInvariant(), out var upper));
        Assert.Same(label, upper);
        Assert.False(LabelCatalog.TryGetStackRoxOnly(name, out _));
    }

    [Theory]
    [InlineData("pOD nAME")]
    [InlineData("namespace")]
    [InlineData("CONTAINER IMAGE DIGEST")]
    public void TryGetSupported_AnyCase_Found(string name) => Assert.True(LabelCatalog.TryGetSupported(name, out _));

    [Theory]
    [InlineData("Pod  Name")]
    [InlineData("PodName")]
    [InlineData(" Pod Name")]
    [InlineData("Pod\tName")]
    public void TryGetSupported_OtherSpacing_NotFound(string name) => Assert.False(LabelCatalog.TryGetSupported(name, out _));

    [Theory]
    [InlineData("Policy")]
    [InlineData("CVE")]
    [InlineData("Severity")]
    [InlineData("Image Tag")]
    [InlineData("Image Registry")]
    [InlineData("Process Name")]
    [InlineData("Namespace ID")]
    [InlineData("Container ID")]
    [InlineData("Container Runtime")]
    [InlineData("Created")]
    [InlineData("Service Account")]
    [InlineData("Node Label")]
    [InlineData("Violation")]
    [InlineData("Memory Limit (MB)")]
    [InlineData("Compliance Profile Name Count")]
    public void StackRoxOnly_Section52Examples_Listed(string name)
    {
        Assert.True(LabelCatalog.TryGetStackRoxOnly(name.ToLowerInvariant(), out var spelling));
        Assert.Equal(name, spelling);
        Assert.True(LabelCatalog.IsKnown(name));
    }

    [Fact]
    public void StackRoxOnly_ExcludesIdSortTestAndSupported()
    {
        var names = LabelCatalog.StackRoxOnly.ToArray();
        Assert.InRange(names.Length, 350, 450);
        Assert.DoesNotContain("_id", names);
        Assert.DoesNotContain(names, n => n.StartsWith("SORT_", StringComparison.Ordinal) || n.StartsWith("Test ", StringComparison.Ordinal));
        Assert.DoesNotContain(names, n => LabelCatalog.TryGetSupported(n, out _));
        Assert.DoesNotContain(names, n => n.Contains(':', StringComparison.Ordinal) || n.Contains('"', StringComparison.Ordinal) || n.Contains('+', StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Namspace", "Namespace")]
    [InlineData("namespaces", "Namespace")]
    [InlineData("Pod Nme", "Pod Name")]
    [InlineData("pod", "Node")]
    [InlineData("Pod UD", "Pod ID")]
    [InlineData("Clustr", "Cluster")]
    [InlineData("Image", "Image")]
    [InlineData("Foo", null)]
    [InlineData("Deploy", null)]
    public void Suggest_ClosestWithinTwo_TiesAlphabetical(string typed, string? expected) =>
        Assert.Equal(expected, LabelCatalog.Suggest(typed));
}
