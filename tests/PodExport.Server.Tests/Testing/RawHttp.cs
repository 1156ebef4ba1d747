using System.Net.Sockets;
using System.Text;

namespace PodExport.Server.Tests.Testing;

/// <summary>HTTP/1.1 over a plain socket, for what HttpClient hides or repairs: framing headers, raw query strings.</summary>
internal static class RawHttp
{
    /// <summary>Sends one request with <c>Connection: close</c> and returns everything the server sent.</summary>
    public static async Task<string> GetAsync(Uri server, string target, params string[] headers)
    {
        using var cts = new CancellationTokenSource(HttpTestExtensions.Timeout);
        using var socket = await ConnectAsync(server, target, headers, cts.Token);
        using var stream = new NetworkStream(socket, ownsSocket: false);
        using var received = new MemoryStream();
        await stream.CopyToAsync(received, cts.Token);
        return Encoding.UTF8.GetString(received.ToArray());
    }

    /// <summary>Sends one request and returns the connected socket without reading anything.</summary>
    public static async Task<Socket> ConnectAsync(Uri server, string target, string[] headers, CancellationToken cancellationToken, int receiveBufferSize = 0)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        if (receiveBufferSize > 0)
        {
            socket.ReceiveBufferSize = receiveBufferSize;
        }

        await socket.ConnectAsync(server.Host, server.Port, cancellationToken);
        var request = new StringBuilder($"GET {target} HTTP/1.1\r\nHost: {server.Authority}\r\nConnection: close\r\n");
        foreach (var header in headers)
        {
            request.Append(header).Append("\r\n");
        }

        request.Append("\r\n");
        await socket.SendAsync(Encoding.ASCII.GetBytes(request.ToString()), SocketFlags.None, cancellationToken);
        return socket;
    }

    /// <summary>The header block (status line and headers) of a raw response.</summary>
    public static string Head(string response) => response[..response.IndexOf("\r\n\r\n", StringComparison.Ordinal)];
}
