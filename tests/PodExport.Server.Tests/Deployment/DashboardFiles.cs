using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PodExport.Server.Tests.Deployment;

/// <summary>The Grafana dashboards under deploy/dashboards/ and the PromQL they hold.</summary>
public static partial class DashboardFiles
{
    public static IReadOnlyList<string> Paths { get; } = Directory
        .GetFiles(Path.Combine(RepositoryPaths.Deploy, "dashboards"), "*.json")
        .Order(StringComparer.Ordinal)
        .ToList();

    public static JsonObject Load(string path) =>
        JsonNode.Parse(File.ReadAllText(path))?.AsObject() ?? throw new InvalidOperationException($"{path} is empty.");

    /// <summary>The panels that show data (rows left out), nested rows included.</summary>
    public static IEnumerable<JsonObject> Panels(JsonObject dashboard) =>
        (dashboard["panels"]?.AsArray() ?? [])
            .OfType<JsonObject>()
            .SelectMany(p => p["type"]?.GetValue<string>() == "row"
                ? (p["panels"]?.AsArray() ?? []).OfType<JsonObject>()
                : [p]);

    public static IEnumerable<string> Expressions(JsonObject panel) =>
        (panel["targets"]?.AsArray() ?? []).Select(t => t?["expr"]?.GetValue<string>()).OfType<string>();

    /// <summary>Every expression of every dashboard, and the templating queries.</summary>
    public static IEnumerable<string> AllExpressions() =>
        Paths.Select(Load).SelectMany(d => Panels(d).SelectMany(Expressions)
            .Concat((d["templating"]?["list"]?.AsArray() ?? [])
                .Select(v => v?["query"] is JsonObject q ? q["query"]?.GetValue<string>() : null)
                .OfType<string>()
                .Select(q => LabelValuesPattern().Match(q) is { Success: true } m ? m.Groups[1].Value : q)));

    // label_values(<series selector>, <label>): the selector is the PromQL part.
    [GeneratedRegex(@"^label_values\((.*),\s*\w+\)$")]
    private static partial Regex LabelValuesPattern();
}
