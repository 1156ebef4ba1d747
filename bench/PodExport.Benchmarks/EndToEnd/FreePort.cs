using System.Net;
using System.Net.Sockets;

namespace PodExport.Benchmarks.EndToEnd;

/// <summary>Picks an unused loopback port for a child process (a tiny race with other programs is accepted).</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
