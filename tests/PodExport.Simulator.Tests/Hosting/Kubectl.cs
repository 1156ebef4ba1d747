using System.Diagnostics;
using PodExport.Simulator.Hosting;

namespace PodExport.Simulator.Tests.Hosting;

/// <summary>
/// Runs the machine's <c>/usr/bin/kubectl</c> against a simulator with a kubeconfig written for the test and a
/// private HOME, so kubectl's discovery cache never leaks between tests.
/// </summary>
internal sealed class Kubectl : IDisposable
{
    private const string Binary = "/usr/bin/kubectl";
    private readonly string _home;

    public Kubectl(SimulatorHost host)
    {
        _home = Path.Combine(Path.GetTempPath(), $"kubectl-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_home);
        KubeconfigPath = Path.Combine(_home, ".kube", "config");
        host.WriteKubeconfig(KubeconfigPath);
    }

    public string KubeconfigPath { get; }

    public string Home => _home;

    public static bool Available => File.Exists(Binary);

    public ProcessStartInfo StartInfo(params string[] args)
    {
        var info = new ProcessStartInfo(Binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("--kubeconfig");
        info.ArgumentList.Add(KubeconfigPath);
        info.ArgumentList.Add("--cache-dir");
        info.ArgumentList.Add(Path.Combine(_home, "cache"));
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["HOME"] = _home;
        info.Environment["KUBECONFIG"] = KubeconfigPath;
        return info;
    }

    public async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var process = Process.Start(StartInfo(args))!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"kubectl {string.Join(' ', args)} did not finish: {await stderr}");
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_home, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless.
        }
    }
}
