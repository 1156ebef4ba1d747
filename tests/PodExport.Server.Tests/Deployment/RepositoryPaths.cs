namespace PodExport.Server.Tests.Deployment;

/// <summary>Locates the repository's deployment files from the test's output directory.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> _root = new(FindRoot);

    /// <summary>The repository root (the folder holding PodExport.sln).</summary>
    public static string Root => _root.Value;

    public static string Chart => Path.Combine(Root, "charts", "pod-export");

    public static string ChartTemplates => Path.Combine(Chart, "templates");

    public static string Deploy => Path.Combine(Root, "deploy");

    /// <summary>The deployment test assets, copied next to the test assembly.</summary>
    public static string TestAssets => Path.Combine(AppContext.BaseDirectory, "testassets", "deployment");

    public static string ReadText(params string[] relativeParts) =>
        File.ReadAllText(Path.Combine([Root, .. relativeParts]));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PodExport.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No PodExport.sln above {AppContext.BaseDirectory}.");
    }
}
