using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PodExport.Simulator.Api;

/// <summary>
/// A <c>metav1.Status</c> failure, as kube-apiserver sends it in an error response body or an ERROR watch event.
/// Thrown by handlers and written by the dispatcher.
/// </summary>
internal sealed class ApiStatus : Exception
{
    public ApiStatus(int code, string reason, string message, string? detailsKind = null, string? detailsName = null,
        IReadOnlyList<(string Reason, string Message, string Field)>? causes = null, string? detailsGroup = null,
        int? retryAfterSeconds = null)
        : base(message)
    {
        Code = code;
        Reason = reason;
        DetailsKind = detailsKind;
        DetailsName = detailsName;
        DetailsGroup = detailsGroup;
        Causes = causes;
        RetryAfterSeconds = retryAfterSeconds;
    }

    public int Code { get; }

    public string Reason { get; }

    public string? DetailsKind { get; }

    public string? DetailsName { get; }

    public string? DetailsGroup { get; }

    public IReadOnlyList<(string Reason, string Message, string Field)>? Causes { get; }

    public int? RetryAfterSeconds { get; }

    public static ApiStatus BadRequest(string message) => new(400, "BadRequest", message);

    public static ApiStatus NotFound(string resource, string name) =>
        new(404, "NotFound", $"{resource} \"{name}\" not found", resource, name);

    public static ApiStatus PathNotFound() => new(404, "NotFound", "the server could not find the requested resource");

    public static ApiStatus MethodNotAllowed(string method) =>
        new(405, "MethodNotAllowed", $"the server does not allow this method on the requested resource ({method})");

    public static ApiStatus Expired(string message) => new(410, "Expired", message);

    public static ApiStatus TooOld(long requested, long oldest) =>
        Expired($"too old resource version: {requested} ({oldest})");

    public static ApiStatus ContinueExpired() => Expired(
        "The provided continue parameter is too old to display a consistent list result. You can start a new list " +
        "without the continue parameter, or use the continue token in this response to retrieve the remainder of the " +
        "results. Continuing with the provided token results in an inconsistent list - objects that were created, " +
        "modified, or deleted between the time the first chunk was returned and now may show up in the list.");

    /// <summary>422 for invalid ListOptions (apimachinery internalversion validation).</summary>
    public static ApiStatus InvalidListOptions(string field, string detail) => new(422, "Invalid",
        $"ListOptions.meta.k8s.io \"\" is invalid: {field}: {detail}", "ListOptions", "",
        [("FieldValueForbidden", detail, field)], "meta.k8s.io");

    /// <summary>504 after waiting for a resourceVersion the store has not reached (watch_cache.go).</summary>
    public static ApiStatus TooLarge(long requested) => new(504, "Timeout",
        $"Too large resource version: {requested}, current: less than {requested}", causes:
        [("ResourceVersionTooLarge", "Too large resource version", "")], retryAfterSeconds: 1);

    /// <summary>A generic status for an injected HTTP failure code.</summary>
    public static ApiStatus ForCode(int code, int? retryAfterSeconds = null) => code switch
    {
        401 => new(401, "Unauthorized", "Unauthorized"),
        403 => new(403, "Forbidden", "forbidden: simulated fault"),
        404 => PathNotFound(),
        409 => new(409, "Conflict", "simulated conflict"),
        410 => Expired("too old resource version: 1 (2)"),
        429 => new(429, "TooManyRequests", "Too many requests, please try again later.", retryAfterSeconds: retryAfterSeconds ?? 1),
        500 => new(500, "InternalError", "Internal error occurred: simulated fault"),
        503 => new(503, "ServiceUnavailable", "the server is currently unable to handle the request", retryAfterSeconds: retryAfterSeconds),
        504 => new(504, "Timeout", "the server was unable to return a response in the time allotted", retryAfterSeconds: retryAfterSeconds),
        _ => new(code, "InternalError", $"simulated status {code}"),
    };

    /// <summary>The Status object as compact JSON.</summary>
    public byte[] ToJson()
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            WriteTo(w);
        }

        return buffer.ToArray();
    }

    /// <summary>One ERROR watch line carrying this Status, newline included.</summary>
    public byte[] ToWatchErrorLine()
    {
        var json = ToJson();
        var prefix = "{\"type\":\"ERROR\",\"object\":"u8;
        var line = new byte[prefix.Length + json.Length + 2];
        prefix.CopyTo(line);
        json.CopyTo(line, prefix.Length);
        line[^2] = (byte)'}';
        line[^1] = (byte)'\n';
        return line;
    }

    public void WriteTo(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("kind", "Status");
        w.WriteString("apiVersion", "v1");
        w.WriteStartObject("metadata");
        w.WriteEndObject();
        w.WriteString("status", "Failure");
        w.WriteString("message", Message);
        w.WriteString("reason", Reason);
        if (DetailsKind is not null || Causes is not null || RetryAfterSeconds is not null)
        {
            w.WriteStartObject("details");
            if (DetailsName is not null)
            {
                w.WriteString("name", DetailsName);
            }

            if (DetailsGroup is not null)
            {
                w.WriteString("group", DetailsGroup);
            }

            if (DetailsKind is not null)
            {
                w.WriteString("kind", DetailsKind);
            }

            if (Causes is not null)
            {
                w.WriteStartArray("causes");
                foreach (var (reason, message, field) in Causes)
                {
                    w.WriteStartObject();
                    w.WriteString("reason", reason);
                    w.WriteString("message", message);
                    if (field.Length > 0)
                    {
                        w.WriteString("field", field);
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            if (RetryAfterSeconds is { } retry)
            {
                w.WriteNumber("retryAfterSeconds", retry);
            }

            w.WriteEndObject();
        }

        w.WriteNumber("code", Code);
        w.WriteEndObject();
    }

    public override string ToString() => Encoding.UTF8.GetString(ToJson());
}
