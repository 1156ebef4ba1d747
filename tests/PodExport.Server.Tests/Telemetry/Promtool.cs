using System.Diagnostics;
using PodExport.Server.Tests.Deployment;

namespace PodExport.Server.Tests.Telemetry;

/// <summary><c>promtool check metrics</c>, which reads the exposition text from standard input only.</summary>
internal static class Promtool
{
    /// <summary>Exit codes of promtool 2.42: 0 clean, 3 lint findings, 1 the text does not parse.</summary>
    public const int LintFindings = 3;

    public static async Task<ExternalTool.Result> CheckMetricsAsync(string exposition)
    {
        var promtool = ExternalTool.Require("promtool", "prometheus");
        var start = new ProcessStartInfo(promtool)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("check");
        start.ArgumentList.Add("metrics");

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Cannot start promtool.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.StandardInput.WriteAsync(exposition.AsMemory(), timeout.Token);
        process.StandardInput.Close();
        await process.WaitForExitAsync(timeout.Token);
        return new ExternalTool.Result(process.ExitCode, (await stdout) + (await stderr));
    }

    /// <summary>The metric each finding line names (promtool writes <c>name message</c> per finding).</summary>
    public static IEnumerable<string> FindingNames(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(' ', 2)[0]);
}
