namespace PodExport.Benchmarks.EndToEnd;

/// <summary>
/// Finds the repository and the built simulator and gateway. The harness runs their own builds (not copies in its
/// output folder), of the configuration it was itself built in, so <c>dotnet run -c Release</c> measures Release.
/// </summary>
public static class BuildLocator
{
    public const string Framework = "net10.0";

    /// <summary>The folder holding PodExport.sln, above this assembly.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PodExport.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"PodExport.sln not found above {AppContext.BaseDirectory}.");
    }

    /// <summary>Release or Debug, from this assembly's own bin path.</summary>
    public static string Configuration()
    {
        var parts = AppContext.BaseDirectory.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        var bin = Array.LastIndexOf(parts, "bin");
        return bin >= 0 && bin + 1 < parts.Length ? parts[bin + 1] : "Release";
    }

    /// <summary>src/<paramref name="project"/>/bin/&lt;configuration&gt;/net10.0/<paramref name="project"/>.dll, or the newest other configuration's.</summary>
    public static string ProjectDll(string project, string? explicitPath)
    {
        if (!string.IsNullOrEmpty(explicitPath))
        {
            return File.Exists(explicitPath) ? Path.GetFullPath(explicitPath) : throw new FileNotFoundException($"{explicitPath} does not exist.");
        }

        var root = RepositoryRoot();
        var preferred = Path.Combine(root, "src", project, "bin", Configuration(), Framework, project + ".dll");
        if (File.Exists(preferred))
        {
            return preferred;
        }

        var any = Directory.Exists(Path.Combine(root, "src", project, "bin"))
            ? Directory.GetFiles(Path.Combine(root, "src", project, "bin"), project + ".dll", SearchOption.AllDirectories)
                .Where(path => File.Exists(Path.ChangeExtension(path, ".runtimeconfig.json")))
                .OrderByDescending(File.GetLastWriteTimeUtc)
                .FirstOrDefault()
            : null;
        return any ?? throw new FileNotFoundException(
            $"{preferred} is missing: build it first (dotnet build -c {Configuration()} src/{project}).");
    }

    /// <summary>The dotnet host that runs this process, so the children use the same runtime.</summary>
    public static string DotnetHost()
    {
        var current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet")
        {
            return current;
        }

        var root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (!string.IsNullOrEmpty(root) && File.Exists(Path.Combine(root, "dotnet")))
        {
            return Path.Combine(root, "dotnet");
        }

        return "dotnet";
    }

    /// <summary>This assembly, to start the floor server as <c>dotnet PodExport.Benchmarks.dll floor-serve …</c>.</summary>
    public static string BenchmarkDll() => typeof(BuildLocator).Assembly.Location;
}
