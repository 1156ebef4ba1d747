using System.Diagnostics;
using System.Text.Json.Nodes;
using PodExport.Simulator.Hosting;

namespace PodExport.Server.Tests.EndToEnd.Testing;

/// <summary>
/// The real <c>kubectl</c> against a simulator, with its own kubeconfig, HOME and discovery cache in a temporary
/// folder so that nothing of the machine's user leaks in or out.
/// </summary>
public sealed class Kubectl : IDisposable
{
    private const string Executable = "/usr/bin/kubectl";

    private readonly string _home;
    private readonly string _kubeconfig;

    public Kubectl(SimulatorHost simulator)
    {
        _home = Directory.CreateTempSubdirectory("podexport-e2e-kubectl-").FullName;
        _kubeconfig = Path.Combine(_home, "config");
        simulator.WriteKubeconfig(_kubeconfig);
    }

    /// <summary>Runs kubectl and returns its standard output; fails the test on a non-zero exit.</summary>
    public async Task<string> RunAsync(params string[] arguments)
    {
        Assert.True(File.Exists(Executable), $"{Executable} is missing; the end-to-end tests compare against the real kubectl.");
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["HOME"] = _home;
        start.Environment["KUBECONFIG"] = _kubeconfig;
        start.ArgumentList.Add("--kubeconfig=" + _kubeconfig);
        start.ArgumentList.Add("--cache-dir=" + Path.Combine(_home, "cache"));
        start.ArgumentList.Add("--request-timeout=10s");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Cannot start kubectl.");
        using var timeout = new CancellationTokenSource(Eventually.Timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"kubectl {string.Join(' ', arguments)} did not finish in {Eventually.Timeout.TotalSeconds} s.");
        }

        var output = await stdout;
        Assert.True(process.ExitCode == 0, $"kubectl {string.Join(' ', arguments)} exited {process.ExitCode}: {await stderr}");
        return output;
    }

    /// <summary>Runs a <c>get … -o json</c> and returns the parsed document.</summary>
    public async Task<JsonObject> GetJsonAsync(params string[] arguments) =>
        JsonNode.Parse(await RunAsync([.. arguments, "-o", "json"]))!.AsObject();

    public void Dispose()
    {
        try
        {
            Directory.Delete(_home, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }
}
