using System.Diagnostics;
using System.Globalization;

namespace PodExport.Server.Tests.Benchmarks;

/// <summary>
/// Runs the benchmark's <c>e2e</c> command end to end at a tiny size (simulator, gateway and floor as real
/// processes), so the command cannot rot: it must finish cleanly and write every headline line with a number.
/// No figure is asserted; benchmarks are not tests.
/// </summary>
public sealed class E2eCommandSmokeTests
{
    // The whole run, three process start-ups included, on shared cores; the command bounds itself to a minute.
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(90);

    private static readonly string[] HeadlineKeys =
    [
        "ratio export/floor",
        "ratio filtered/floor",
        "ratio store/v1pod",
        "ttfb-ms",
        "sync-s",
        "rss-growth-32-mb",
        "filter-mpods-per-s",
    ];

    [Fact]
    public async Task E2eCommand_TinyCluster_WritesEveryHeadlineLine()
    {
        var results = Path.Combine(Path.GetTempPath(), $"podexport-e2e-smoke-{Environment.ProcessId}-{Guid.NewGuid():N}.md");
        try
        {
            var (exitCode, output) = await RunE2eAsync(
                ["--pods", "200", "--clients", "2", "--churn", "20", "--churn-seconds", "1", "--iterations", "1", "--rounds", "1", "--budget-minutes", "1", "--out", results]);

            Assert.True(exitCode == 0, $"e2e exited with {exitCode}:\n{output}");
            var lines = await File.ReadAllLinesAsync(results);
            foreach (var key in HeadlineKeys)
            {
                var line = Assert.Single(lines, l => l.StartsWith(key + ": ", StringComparison.Ordinal));
                var value = line[(key.Length + 2)..];
                Assert.True(
                    double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
                    $"'{key}' has no number ('{value}'):\n{string.Join('\n', lines)}");
            }

            // The machine-readable lines close the file.
            Assert.StartsWith(HeadlineKeys[^1] + ": ", lines.Last(l => l.Length > 0), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(results);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunE2eAsync(IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(BenchmarkDll());
        info.ArgumentList.Add("e2e");
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // Process.Start returns null only when it reuses a running process, which it never does for a new executable.
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(RunTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // The command kills its own children when it is killed with its tree.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"e2e did not finish within {RunTimeout.TotalSeconds} s:\n{await stderr}");
        }

        return (process.ExitCode, await stderr + await stdout);
    }

    /// <summary>The bench build of the same configuration (the project reference builds it, without referencing it).</summary>
    private static string BenchmarkDll()
    {
        var testDir = new DirectoryInfo(AppContext.BaseDirectory);
        var framework = testDir.Name;
        var configuration = testDir.Parent!.Name;
        var root = testDir;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "PodExport.sln")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        var dll = Path.Combine(root.FullName, "bench", "PodExport.Benchmarks", "bin", configuration, framework, "PodExport.Benchmarks.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing: build tests/PodExport.Server.Tests (it builds the benchmarks).");
        return dll;
    }
}
