using System.Text.Json.Nodes;

namespace PodExport.Server.Tests.Deployment;

/// <summary>The Grafana dashboard parses, is portable (data source variable) and covers the panels of issue 6, part 3.</summary>
public sealed class DashboardTests
{
    private static readonly JsonObject _dashboard = DashboardFiles.Load(Path.Combine(RepositoryPaths.Deploy, "dashboards", "podexport.json"));

    /// <summary>Issue 6, part 3: a panel title and a PromQL fragment that panel must query.</summary>
    public static TheoryData<string, string> RequiredPanels() => new()
    {
        { "Export rate", "podexport_export_requests_total" },
        { "Export latency", "histogram_quantile(0.99, sum by (le) (rate(podexport_export_duration_seconds_bucket" },
        { "Pods streamed", "podexport_export_pods_total" },
        { "Bytes streamed", "podexport_export_bytes_total" },
        { "Errors by code", "sum by (code) (rate(podexport_export_requests_total" },
        { "Informer events", "podexport_informer_events_total" },
        { "Relists", "podexport_informer_relists_total" },
        { "Watch restarts", "podexport_informer_watch_restarts_total" },
        { "Sync state", "podexport_informer_synced_ratio" },
        { "Degraded informers", "podexport_informer_degraded" },
        { "Pods by state", "sum by (state) (podexport_pods" },
        { "Terminated instances", "podexport_terminated_instances{" },
        { "Retained deleted pods", "state=\"deleted\"" },
        { "Evictions", "podexport_terminated_instances_evicted_total" },
        { "Evictions", "podexport_deleted_pods_dropped_total" },
        { "Process memory", "dotnet_process_memory_working_set_bytes" },
    };

    [Theory]
    [MemberData(nameof(RequiredPanels))]
    public void Dashboard_HasPanel_QueryingTheMetric(string title, string fragment)
    {
        var panel = DashboardFiles.Panels(_dashboard).SingleOrDefault(p => p["title"]?.GetValue<string>() == title);

        Assert.NotNull(panel);
        Assert.Contains(DashboardFiles.Expressions(panel), e => e.Contains(fragment, StringComparison.Ordinal));
    }

    [Fact]
    public void Dashboard_Identity_IsStable()
    {
        Assert.Equal("podexport", _dashboard["uid"]?.GetValue<string>());
        Assert.Equal("PodExport", _dashboard["title"]?.GetValue<string>());
        Assert.True(_dashboard["schemaVersion"]?.GetValue<int>() >= 36);
        Assert.Null(_dashboard["id"]?.GetValue<int?>());
    }

    [Fact]
    public void Dashboard_Panels_UseTheDataSourceVariableAndHaveUniqueIdsInsideTheGrid()
    {
        var variables = _dashboard["templating"]!["list"]!.AsArray();
        var datasource = variables.Single(v => v!["name"]!.GetValue<string>() == "datasource")!;
        var all = _dashboard["panels"]!.AsArray().OfType<JsonObject>().ToList();

        Assert.Equal("datasource", datasource["type"]!.GetValue<string>());
        Assert.Equal("prometheus", datasource["query"]!.GetValue<string>());
        Assert.Equal(all.Count, all.Select(p => p["id"]!.GetValue<int>()).Distinct().Count());
        Assert.All(all, p =>
        {
            var grid = p["gridPos"]!;
            Assert.InRange(grid["x"]!.GetValue<int>() + grid["w"]!.GetValue<int>(), 1, 24);
        });
        Assert.All(DashboardFiles.Panels(_dashboard), p =>
        {
            Assert.Equal("${datasource}", p["datasource"]?["uid"]?.GetValue<string>());
            Assert.NotEmpty(DashboardFiles.Expressions(p));
            Assert.False(string.IsNullOrWhiteSpace(p["description"]?.GetValue<string>()), $"{p["title"]} has no description");
        });
    }

    [Fact]
    public void Dashboard_Queries_FilterByTheNamespaceAndPodVariables()
    {
        var selectors = DashboardFiles.Panels(_dashboard).SelectMany(DashboardFiles.Expressions)
            .SelectMany(e => e.Split('{').Skip(1));

        Assert.All(selectors, s => Assert.StartsWith("namespace=~\"$namespace\", pod=~\"$pod\"", s, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dashboard_Queries_AreValidPromQl()
    {
        var promtool = ExternalTool.Require("promtool", "prometheus");
        var rules = new JsonArray();
        var index = 0;
        foreach (var expression in DashboardFiles.AllExpressions())
        {
            rules.Add(new JsonObject { ["record"] = $"dashboard:query_{index++}", ["expr"] = PromQl.WithoutGrafanaVariables(expression) });
        }

        var file = Path.Combine(Path.GetTempPath(), $"podexport-dashboard-{Guid.NewGuid():N}.yaml");
        var groups = new JsonObject { ["groups"] = new JsonArray(new JsonObject { ["name"] = "dashboard", ["rules"] = rules }) };
        await File.WriteAllTextAsync(file, groups.ToJsonString());
        try
        {
            var result = await ExternalTool.RunAsync(promtool, Path.GetTempPath(), "check", "rules", file);

            Assert.True(result.ExitCode == 0, $"dashboard PromQL rejected by promtool: {result}");
            Assert.True(index > 15);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
