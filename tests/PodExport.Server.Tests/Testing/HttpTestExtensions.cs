using System.Text;

namespace PodExport.Server.Tests.Testing;

internal static class HttpTestExtensions
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>Sends a request and returns as soon as the headers are in, leaving the body to stream.</summary>
    public static async Task<HttpResponseMessage> StartAsync(this HttpClient client, string uri, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        configure?.Invoke(request);
        using var cts = new CancellationTokenSource(Timeout);
        return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token);
    }

    public static async Task<byte[]> BodyBytesAsync(this HttpResponseMessage response)
    {
        using var cts = new CancellationTokenSource(Timeout);
        return await response.Content.ReadAsByteArrayAsync(cts.Token);
    }

    public static async Task<string> BodyAsync(this HttpResponseMessage response) =>
        Encoding.UTF8.GetString(await response.BodyBytesAsync());

    /// <summary>One header's values joined, or null when absent (response or content headers).</summary>
    public static string? Header(this HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;

    public static async Task<string?> ReadLineWithTimeoutAsync(this StreamReader reader)
    {
        using var cts = new CancellationTokenSource(Timeout);
        return await reader.ReadLineAsync(cts.Token);
    }
}
