using System.Diagnostics;

namespace PodExport.Server.Tests.Deployment;

/// <summary>Runs a command-line tool (promtool) with a timeout and captures its output.</summary>
public static class ExternalTool
{
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(10);

    public sealed record Result(int ExitCode, string Output)
    {
        public override string ToString() => $"exit code {ExitCode}:\n{Output}";
    }

    /// <summary>The tool's full path; fails the test with how to install it when it is missing.</summary>
    public static string Require(string name, string debianPackage)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        Assert.Fail($"'{name}' is not on PATH. Install the Debian package '{debianPackage}' (apt-get install {debianPackage}); .ci/run does this.");
        return name;
    }

    public static async Task<Result> RunAsync(string fileName, string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {fileName}.");
        using var timeout = new CancellationTokenSource(_timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish in {_timeout.TotalSeconds} s.");
        }

        return new Result(process.ExitCode, (await stdout) + (await stderr));
    }
}
