namespace PodExport.Server.Tests.Deployment;

/// <summary>
/// testassets/deployment/metric-names.txt lists exactly the PodExport metric names the dashboards and alert rules use,
/// so that a scrape test can check them against a real /metrics (OPERATIONS.md §3 "Linting").
/// </summary>
public sealed class MetricNamesTests
{
    [Fact]
    public void MetricNamesFile_EqualsTheNamesDashboardsAndRulesUse()
    {
        var own = ReadList(MetricNameLists.Own);
        var external = ReadList(MetricNameLists.External);

        var used = UsedNames();

        Assert.Empty(used.Except(own).Except(external));
        Assert.Empty(own.Except(used));
        Assert.Empty(external.Except(used));
    }

    [Fact]
    public void MetricNamesFile_FollowsThePrometheusConventions()
    {
        var own = ReadList(MetricNameLists.Own);

        Assert.All(own, name => Assert.Matches("^(podexport|dotnet|http|kestrel|process)_[a-z0-9_]+$", name));
        Assert.Contains("podexport_informer_synced_ratio", own);
        Assert.Contains("podexport_export_duration_seconds_bucket", own);
    }

    [Fact]
    public void PromQl_MetricNames_SkipsFunctionsLabelsAndGrouping()
    {
        var names = PromQl.MetricNames(
            "histogram_quantile(0.9, sum by (le) (rate(a_bucket{pod=~\"x\", le!=\"1\"}[5m]))) / on (pod) group_left b and c offset 5m");

        Assert.Equal(["a_bucket", "b", "c"], names.Order());
    }

    private static HashSet<string> UsedNames()
    {
        var rules = YamlTree.LoadFile(Path.Combine(RepositoryPaths.Deploy, "prometheus", "alerts.yaml"))["groups"]!.AsArray()
            .SelectMany(g => g!["rules"]!.AsArray())
            .Select(r => r!["expr"]!.GetValue<string>());

        return DashboardFiles.AllExpressions().Concat(rules)
            .SelectMany(e => PromQl.MetricNames(PromQl.WithoutGrafanaVariables(e)))
            .ToHashSet(StringComparer.Ordinal);
    }

    private static HashSet<string> ReadList(string fileName) =>
        MetricNameLists.Read(fileName).ToHashSet(StringComparer.Ordinal);
}
