namespace PodExport.Server.Tests.Deployment;

/// <summary>
/// Reads the metric-name lists in testassets/deployment (one name a line, blank lines and # comments skipped), so the
/// deployment and scrape tests parse them the same way.
/// </summary>
public static class MetricNameLists
{
    /// <summary>The PodExport metric names the dashboards and alert rules use.</summary>
    public const string Own = "metric-names.txt";

    /// <summary>The metric names the dashboards and alert rules take from other exporters.</summary>
    public const string External = "external-metric-names.txt";

    public static IReadOnlyList<string> Read(string fileName) =>
        File.ReadAllLines(Path.Combine(RepositoryPaths.TestAssets, fileName))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToList();
}
