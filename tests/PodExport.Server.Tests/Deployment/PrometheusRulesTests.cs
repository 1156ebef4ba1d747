using System.Text.Json.Nodes;

namespace PodExport.Server.Tests.Deployment;

/// <summary>OPERATIONS.md §3 "Linting": the alert rules pass promtool, their unit tests pass, and the chart ships the same.</summary>
public sealed class PrometheusRulesTests
{
    private static readonly string _alertsPath = Path.Combine(RepositoryPaths.Deploy, "prometheus", "alerts.yaml");

    [Fact]
    public async Task Alerts_PromtoolCheckRules_Succeeds()
    {
        var promtool = ExternalTool.Require("promtool", "prometheus");

        var result = await ExternalTool.RunAsync(promtool, RepositoryPaths.Root, "check", "rules", "deploy/prometheus/alerts.yaml");

        Assert.True(result.ExitCode == 0, $"promtool check rules: {result}");
    }

    [Fact]
    public async Task Alerts_PromtoolUnitTests_Pass()
    {
        var promtool = ExternalTool.Require("promtool", "prometheus");

        var result = await ExternalTool.RunAsync(promtool, RepositoryPaths.Root, "test", "rules", "deploy/prometheus/alerts_test.yaml");

        Assert.True(result.ExitCode == 0, $"promtool test rules: {result}");
    }

    [Fact]
    public void Alerts_EveryAlert_HasAUnitTestCase()
    {
        var alerts = AlertNames(YamlTree.LoadFile(_alertsPath));
        var tested = YamlTree.LoadFile(Path.Combine(RepositoryPaths.Deploy, "prometheus", "alerts_test.yaml"))["tests"]!.AsArray()
            .SelectMany(t => t!["alert_rule_test"]!.AsArray())
            .GroupBy(c => c!["alertname"]!.GetValue<string>())
            .Where(g => g.Any(c => c!["exp_alerts"]!.AsArray().Count > 0) && g.Any(c => c!["exp_alerts"]!.AsArray().Count == 0))
            .Select(g => g.Key);

        Assert.Equal(alerts.Order(), tested.Order());
    }

    [Fact]
    public void Alerts_CoverTheIssueList_WithSeverityAndDescriptions()
    {
        var alerts = YamlTree.LoadFile(_alertsPath)["groups"]!.AsArray()
            .SelectMany(g => g!["rules"]!.AsArray())
            .ToList();

        Assert.Superset(
            new HashSet<string> { "PodExportInformerNotSynced", "PodExportRelistStorm", "PodExportExportErrors", "PodExportMemoryNearLimit" },
            alerts.Select(a => a!["alert"]!.GetValue<string>()).ToHashSet());
        Assert.All(alerts, a =>
        {
            Assert.Contains(a!["labels"]?["severity"]?.GetValue<string>(), new[] { "critical", "warning", "info" });
            Assert.False(string.IsNullOrWhiteSpace(a["annotations"]?["summary"]?.GetValue<string>()));
            Assert.False(string.IsNullOrWhiteSpace(a["annotations"]?["description"]?.GetValue<string>()));
        });
    }

    [Fact]
    public void ChartCopy_IsByteForByteTheDeployFile()
    {
        Assert.Equal(File.ReadAllText(_alertsPath), File.ReadAllText(Path.Combine(RepositoryPaths.Chart, "files", "alerts.yaml")));
    }

    [Fact]
    public void PrometheusRuleTemplate_Groups_EqualAlertsYamlGroups()
    {
        var template = ChartFiles.ReadTemplate("prometheusrule.yaml");
        var rule = ChartFiles.ForCiValues("all-features-values.yaml").RenderDocuments(template).Single();
        var expected = YamlTree.LoadFile(_alertsPath)["groups"];

        Assert.Contains(".Files.Get \"files/alerts.yaml\"", template, StringComparison.Ordinal);
        Assert.Equal("PrometheusRule", rule["kind"]!.GetValue<string>());
        Assert.Equal("kube-prometheus-stack", rule["metadata"]!["labels"]!["release"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(expected, rule["spec"]!["groups"]), "the PrometheusRule's groups differ from deploy/prometheus/alerts.yaml");
    }

    private static List<string> AlertNames(JsonObject rules) =>
        rules["groups"]!.AsArray()
            .SelectMany(g => g!["rules"]!.AsArray())
            .Select(r => r!["alert"]!.GetValue<string>())
            .ToList();
}
