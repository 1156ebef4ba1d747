namespace PodExport.Server.Tests.Deployment;

/// <summary>The chart README documents every value, the install and curl recipe, and keeps the sizing table's place.</summary>
public sealed class ChartReadmeTests
{
    private static readonly string _readme = File.ReadAllText(Path.Combine(RepositoryPaths.Chart, "README.md"));

    [Fact]
    public void Readme_ValuesTable_HasARowForEveryValue()
    {
        var values = YamlTree.LoadFile(Path.Combine(RepositoryPaths.Chart, "values.yaml"));

        var missing = YamlTree.LeafPaths(values)
            .Where(path => !Ancestors(path).Any(a => _readme.Contains($"| `{a}` |", StringComparison.Ordinal)))
            .ToList();

        Assert.True(missing.Count == 0, "values missing from the README's table:\n" + string.Join('\n', missing));
    }

    [Fact]
    public void Readme_ShowsHelmInstallPortForwardAndCurl()
    {
        Assert.Contains("helm install pod-export ./charts/pod-export", _readme, StringComparison.Ordinal);
        Assert.Contains("kubectl apply -f deploy/manifests/", _readme, StringComparison.Ordinal);
        Assert.Contains("port-forward service/pod-export 8080", _readme, StringComparison.Ordinal);
        Assert.Contains("curl -sN", _readme, StringComparison.Ordinal);
        Assert.Contains("http://localhost:8080/v1/export/pods", _readme, StringComparison.Ordinal);
    }

    [Fact]
    public void Readme_KeepsTheMarkedSizingTable()
    {
        var begin = _readme.IndexOf("<!-- SIZING-TABLE: BEGIN", StringComparison.Ordinal);
        var end = _readme.IndexOf("<!-- SIZING-TABLE: END -->", StringComparison.Ordinal);

        Assert.True(begin >= 0 && end > begin, "the sizing table markers are missing");
        var table = _readme[begin..end];
        Assert.All(new[] { "| 1 000 |", "| 10 000 |", "| 100 000 |" }, row => Assert.Contains(row, table, StringComparison.Ordinal));
    }

    private static IEnumerable<string> Ancestors(string path)
    {
        var parts = path.Split('.');
        for (var i = parts.Length; i > 0; i--)
        {
            yield return string.Join('.', parts.Take(i));
        }
    }
}
