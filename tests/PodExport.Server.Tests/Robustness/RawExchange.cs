using System.Net.Sockets;
using System.Text;

namespace PodExport.Server.Tests.Robustness;

/// <summary>One raw HTTP/1.1 exchange: any method, any bytes, as a hostile client would send them.</summary>
internal sealed record RawExchange(int Status, string Head, string Body)
{
    public static async Task<RawExchange> SendAsync(Uri server, string requestHead)
    {
        using var cts = new CancellationTokenSource(Testing.HttpTestExtensions.Timeout);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(server.Host, server.Port, cts.Token);
        await socket.SendAsync(Encoding.UTF8.GetBytes(requestHead), SocketFlags.None, cts.Token);
        using var stream = new NetworkStream(socket, ownsSocket: false);
        using var received = new MemoryStream();
        try
        {
            await stream.CopyToAsync(received, cts.Token);
        }
        catch (IOException)
        {
            // Kestrel may reset a connection it refused once the answer is out; what arrived is kept.
        }

        var text = Encoding.UTF8.GetString(received.ToArray());
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.True(end > 0, $"no complete response head in: {text}");
        var head = text[..end];
        var status = int.Parse(head.AsSpan(9, 3), System.Globalization.CultureInfo.InvariantCulture);
        return new RawExchange(status, head, text[(end + 4)..]);
    }

    /// <summary>A request head: request line, Host, Connection: close, the extra headers, blank line.</summary>
    public static string Request(Uri server, string method, string target, params string[] headers)
    {
        var request = new StringBuilder($"{method} {target} HTTP/1.1\r\nHost: {server.Authority}\r\nConnection: close\r\n");
        foreach (var header in headers)
        {
            request.Append(header).Append("\r\n");
        }

        if (method is "POST" or "PUT" or "PATCH")
        {
            request.Append("Content-Length: 0\r\n");
        }

        return request.Append("\r\n").ToString();
    }

    public string? Header(string name)
    {
        foreach (var line in Head.Split("\r\n").Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && line[..colon].Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return line[(colon + 1)..].Trim();
            }
        }

        return null;
    }
}
