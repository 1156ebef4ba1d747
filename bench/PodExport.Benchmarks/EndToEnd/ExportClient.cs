using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace PodExport.Benchmarks.EndToEnd;

/// <summary>
/// The one client used for the gateway and for the floor alike: HTTP/1.1 over loopback, headers-read mode, a 64 KB
/// read buffer, counting bytes and <c>\n</c> (one per pod line) without parsing, so the client's own cost is the same
/// for both and as small as it can be on the shared cores.
/// </summary>
public sealed class ExportClient : IDisposable
{
    private const int ReadBufferSize = 64 * 1024;

    private readonly HttpClient _http;

    public ExportClient(int maxConnections)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = Math.Max(maxConnections, 1) * 2,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        };
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>Runs one export to the end and measures it; the body is read and dropped.</summary>
    public async Task<ExportSample> ExportAsync(Uri uri, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ReadBufferSize);
        try
        {
            var start = Stopwatch.GetTimestamp();
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            long bytes = 0, lines = 0;
            TimeSpan? firstByte = null;
            int read;
            while ((read = await body.ReadAsync(buffer.AsMemory(0, ReadBufferSize), cancellationToken)) > 0)
            {
                firstByte ??= Stopwatch.GetElapsedTime(start);
                bytes += read;
                lines += buffer.AsSpan(0, read).Count((byte)'\n');
            }

            var duration = Stopwatch.GetElapsedTime(start);
            return new ExportSample((int)response.StatusCode, firstByte ?? duration, duration, bytes, lines);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Copies one export's body to a file (the floor's pre-built bytes); returns the sample.</summary>
    public async Task<ExportSample> DownloadAsync(Uri uri, string path, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        using var response = await _http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new InvalidOperationException($"GET {uri} returned {(int)response.StatusCode}: {Truncate(text)}");
        }

        await using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, ReadBufferSize, useAsync: true))
        {
            await response.Content.CopyToAsync(file, cancellationToken);
        }

        var duration = Stopwatch.GetElapsedTime(start);
        long lines = 0;
        await using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, ReadBufferSize, useAsync: true))
        {
            var buffer = new byte[ReadBufferSize];
            int read;
            while ((read = await file.ReadAsync(buffer, cancellationToken)) > 0)
            {
                lines += buffer.AsSpan(0, read).Count((byte)'\n');
            }
        }

        return new ExportSample((int)response.StatusCode, duration, duration, new FileInfo(path).Length, lines);
    }

    /// <summary>A small GET (health, metrics); null status when the server does not answer.</summary>
    public async Task<(int? Status, string Body)> GetTextAsync(Uri uri, CancellationToken cancellationToken, string? bearerToken = null)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            if (bearerToken is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
            }

            using var response = await _http.SendAsync(request, cancellationToken);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
        }
        catch (HttpRequestException)
        {
            return (null, "");
        }
    }

    public void Dispose() => _http.Dispose();

    private static string Truncate(string text) => text.Length > 500 ? text[..500] + "…" : text;
}
