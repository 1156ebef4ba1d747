using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace PodExport.Cluster.Informers;

/// <summary>
/// What an exception from the Kubernetes client means for the informer (kubernetes-api C.4): an HTTP status with its
/// Status body, an ERROR event's Status, a refused connection, or a broken stream.
/// </summary>
internal readonly record struct ApiFailure(int? Code, string? Reason, string? Message, TimeSpan? RetryAfter, bool Refused, bool TooLarge)
{
    public bool IsExpired => Code == 410 || Reason is "Expired" or "Gone";

    public bool IsInternalError => Code == 500 || Reason == "InternalError";

    public bool IsTooManyRequests => Code == 429;

    public string Describe() => Code is { } code ? $"{code} {Reason}".TrimEnd() : Refused ? "connection refused" : Message ?? "error";

    public static ApiFailure From(Exception exception) => exception switch
    {
        HttpOperationException http => FromHttp(http),
        KubernetesException kube => FromStatus(kube.Status, kube.Message),
        HttpRequestException request when IsRefused(request) => new(null, null, request.Message, null, Refused: true, TooLarge: false),
        _ => new(null, null, exception.Message, null, Refused: false, TooLarge: false),
    };

    /// <summary>True when the stream simply ended: an EOF, a reset, or the zero-event-close exception of C.4.</summary>
    public static bool IsStreamEnd(Exception exception) => exception switch
    {
        HttpRequestException request => !IsRefused(request),
        IOException => true,
        _ => false,
    };

    private static bool IsRefused(HttpRequestException request) =>
        request.HttpRequestError == HttpRequestError.ConnectionError
        || request.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused };

    private static ApiFailure FromStatus(V1Status? status, string fallbackMessage)
    {
        var tooLarge = status?.Details?.Causes?.Any(c => c.Reason == "ResourceVersionTooLarge") == true;
        return new(status?.Code, status?.Reason, status?.Message ?? fallbackMessage, null, Refused: false, tooLarge);
    }

    private static ApiFailure FromHttp(HttpOperationException http)
    {
        var code = (int?)http.Response?.StatusCode;
        V1Status? status = null;
        var content = http.Response?.Content;
        if (!string.IsNullOrEmpty(content))
        {
            try
            {
                status = KubernetesJson.Deserialize<V1Status>(content);
            }
            catch (JsonException)
            {
                // A proxy in front of the API server may answer with HTML; the HTTP status still says enough.
            }
        }

        var tooLarge = status?.Details?.Causes?.Any(c => c.Reason == "ResourceVersionTooLarge") == true;
        return new(code, status?.Reason, status?.Message ?? http.Message, RetryAfterOf(http.Response), Refused: false, tooLarge);
    }

    private static TimeSpan? RetryAfterOf(HttpResponseMessageWrapper? response)
    {
        if (response?.Headers is null)
        {
            return null;
        }

        foreach (var (name, values) in response.Headers)
        {
            if (!string.Equals(name, "Retry-After", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var value = values.FirstOrDefault()?.Trim();
            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                return TimeSpan.FromSeconds(seconds);
            }

            // An HTTP-date is relative to the server's clock; without a shared clock, treat it as "a little while".
            if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
            {
                return TimeSpan.FromSeconds(1);
            }
        }

        return null;
    }
}
