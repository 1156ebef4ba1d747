namespace PodExport.Server.Tests.Deployment;

/// <summary>The chart's files, grouped the way the chart tests use them.</summary>
public static class ChartFiles
{
    /// <summary>Every template (YAML and NOTES.txt), relative to templates/, with / separators.</summary>
    public static IReadOnlyList<string> Templates { get; } = Directory
        .GetFiles(RepositoryPaths.ChartTemplates, "*", SearchOption.AllDirectories)
        .Select(p => Path.GetRelativePath(RepositoryPaths.ChartTemplates, p).Replace('\\', '/'))
        .Order(StringComparer.Ordinal)
        .ToList();

    public static IReadOnlyList<string> YamlTemplates { get; } =
        Templates.Where(t => t.EndsWith(".yaml", StringComparison.Ordinal)).ToList();

    /// <summary>The ci/*-values.yaml variants, by file name.</summary>
    public static IReadOnlyList<string> CiValues { get; } = Directory
        .GetFiles(Path.Combine(RepositoryPaths.Chart, "ci"), "*-values.yaml")
        .Select(Path.GetFileName)
        .Order(StringComparer.Ordinal)
        .ToList()!;

    public static string ReadTemplate(string relativePath) =>
        File.ReadAllText(Path.Combine(RepositoryPaths.ChartTemplates, relativePath));

    public static TheoryData<string> TemplateData() => [.. YamlTemplates];

    public static TheoryData<string> CiValuesData() => [.. CiValues];

    /// <summary>The renderer for a ci/ variant merged over the defaults.</summary>
    public static HelmLite ForCiValues(string fileName) =>
        HelmLite.ForChart(YamlTree.Load(File.ReadAllText(Path.Combine(RepositoryPaths.Chart, "ci", fileName))) as System.Text.Json.Nodes.JsonObject);
}
