using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PodExport.Simulator.Tests.Hosting;

/// <summary>The executable as users and harnesses run it: its own process, stopped with a signal.</summary>
public sealed class SimulatorProgramProcessTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Executable_Sigterm_ExitsCleanly()
    {
        var port = FreePort();
        var dll = typeof(SimulatorProgram).Assembly.Location;
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var info = new ProcessStartInfo(dotnet) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { dll, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--pods", "20" })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        try
        {
            // The first line is the address: printed once the API server listens.
            using var started = new CancellationTokenSource(Limit);
            var first = await process.StandardOutput.ReadLineAsync(started.Token);
            Assert.Equal($"http://127.0.0.1:{port}", first);

            Assert.Equal(0, Kill(process.Id, Sigterm));
            using var exited = new CancellationTokenSource(Limit);
            await process.WaitForExitAsync(exited.Token);

            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private const int Sigterm = 15;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
