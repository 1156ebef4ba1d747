using System.Text.Json;
using PodExport.Simulator.Scenario.Specs;

namespace PodExport.Simulator.Tests.Scenario.Specs;

public sealed class FieldSetTests
{
    private static string Build(string field, string json, params string[] existing)
    {
        using var document = JsonDocument.Parse(json);
        return FieldSet.Build([(field, document.RootElement, existing.ToHashSet())]).GetRawText();
    }

    [Fact]
    public void Build_KeyedListItems_UseSortedKeyFieldsAndOwnTheirNodes()
    {
        var fields = Build("spec", """{"containers":[{"name":"b","ports":[{"protocol":"TCP","containerPort":80}]},{"name":"a"}]}""", "containers");
        Assert.Equal(
            """{"f:spec":{"f:containers":{"k:{\"name\":\"a\"}":{".":{},"f:name":{}},"k:{\"name\":\"b\"}":{".":{},"f:name":{},"f:ports":{".":{},"k:{\"containerPort\":80,\"protocol\":\"TCP\"}":{".":{},"f:containerPort":{},"f:protocol":{}}}}}}}""",
            fields);
    }

    [Fact]
    public void Build_AtomicListsStructsAndEmptyObjects_AreLeaves()
    {
        var fields = Build("spec", """{"tolerations":[{"key":"k"}],"securityContext":{},"env":[{"name":"A","valueFrom":{"fieldRef":{"fieldPath":"x"}}}]}""");
        Assert.Equal(
            """{"f:spec":{"f:env":{".":{},"k:{\"name\":\"A\"}":{".":{},"f:name":{},"f:valueFrom":{".":{},"f:fieldRef":{}}}},"f:securityContext":{},"f:tolerations":{}}}""",
            fields);
    }

    [Fact]
    public void Build_SetsAndAtomicItems_ListTheirValuesOrKeysOnly()
    {
        var fields = Build("metadata", """{"finalizers":["f"],"ownerReferences":[{"uid":"u","kind":"Job"}],"labels":{"app":"x"}}""");
        Assert.Equal(
            """{"f:metadata":{"f:finalizers":{".":{},"v:\"f\"":{}},"f:labels":{".":{},"f:app":{}},"f:ownerReferences":{".":{},"k:{\"uid\":\"u\"}":{}}}}""",
            fields);
    }
}
