using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using PodExport.Simulator.State;

namespace PodExport.Simulator.Api;

/// <summary>
/// The <c>meta.k8s.io/v1 Table</c> form of pods that kubectl asks for (<c>Accept: …;as=Table;…</c>), so that
/// <c>kubectl get pods</c> prints READY, STATUS and RESTARTS like against a real cluster. Other kinds are served as
/// plain lists, which kubectl prints as NAME/AGE (kubernetes-api D.1 item 5).
/// </summary>
internal static class PodTable
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly (string Name, string Format, int Priority, string Description)[] Columns =
    [
        ("Name", "name", 0, "Name must be unique within a namespace."),
        ("Ready", "", 0, "The aggregate readiness state of this pod for accepting traffic."),
        ("Status", "", 0, "The aggregate status of the containers in this pod."),
        ("Restarts", "", 0, "The number of times the containers in this pod have been restarted and when the last container in this pod has restarted."),
        ("Age", "", 0, "CreationTimestamp is a timestamp representing the server time when this object was created."),
        ("IP", "", 1, "IP address allocated to the pod."),
        ("Node", "", 1, "Name of the node this pod runs on."),
        ("Nominated Node", "", 1, "Nominated node name, if any."),
        ("Readiness Gates", "", 1, "Readiness gates of the pod."),
    ];

    /// <summary>Whether the request asks for a Table (kubectl get) rather than the object list.</summary>
    public static bool Requested(HttpRequest request, ResourceKind kind) =>
        kind == ResourceKind.Pod && request.Headers.Accept.ToString().Contains("as=Table", StringComparison.Ordinal);

    /// <summary>A whole Table: list metadata plus one row per pod.</summary>
    public static byte[] Build(IEnumerable<StoredObject> pods, string listMetadataJson, DateTimeOffset now)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("kind", "Table");
            w.WriteString("apiVersion", "meta.k8s.io/v1");
            w.WritePropertyName("metadata");
            w.WriteRawValue("{" + listMetadataJson + "}");
            w.WriteStartArray("columnDefinitions");
            foreach (var (name, format, priority, description) in Columns)
            {
                w.WriteStartObject();
                w.WriteString("name", name);
                w.WriteString("type", "string");
                w.WriteString("format", format);
                w.WriteString("description", description);
                w.WriteNumber("priority", priority);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("rows");
            foreach (var pod in pods)
            {
                WriteRow(w, pod, now);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteRow(Utf8JsonWriter w, StoredObject pod, DateTimeOffset now)
    {
        using var doc = JsonDocument.Parse(pod.Json);
        var root = doc.RootElement;
        var metadata = root.GetProperty("metadata");
        var status = root.TryGetProperty("status", out var s) ? s : default;
        var spec = root.TryGetProperty("spec", out var sp) ? sp : default;
        var containers = Array(status, "containerStatuses");
        var total = Array(spec, "containers").Count;
        var ready = containers.Count(c => c.TryGetProperty("ready", out var r) && r.ValueKind == JsonValueKind.True);
        var restarts = containers.Sum(c => c.TryGetProperty("restartCount", out var r) ? r.GetInt32() : 0);
        DateTimeOffset? lastRestart = containers
            .Select(c => Timestamp(Nested(c, "lastState", "terminated"), "finishedAt"))
            .Where(t => t is not null)
            .Max();

        w.WriteStartObject();
        w.WriteStartArray("cells");
        w.WriteStringValue(pod.Key.Name);
        w.WriteStringValue($"{ready}/{total}");
        w.WriteStringValue(PodStatus(metadata, status, containers));
        w.WriteStringValue(lastRestart is { } at && restarts > 0
            ? $"{restarts} ({HumanDuration(now - at)} ago)"
            : restarts.ToString(CultureInfo.InvariantCulture));
        w.WriteStringValue(Timestamp(metadata, "creationTimestamp") is { } created ? HumanDuration(now - created) : "<unknown>");
        w.WriteStringValue(String(status, "podIP") ?? "<none>");
        w.WriteStringValue(String(spec, "nodeName") ?? "<none>");
        w.WriteStringValue(String(status, "nominatedNodeName") ?? "<none>");
        w.WriteStringValue("<none>");
        w.WriteEndArray();
        w.WriteStartObject("object");
        w.WriteString("kind", "PartialObjectMetadata");
        w.WriteString("apiVersion", "meta.k8s.io/v1");
        w.WritePropertyName("metadata");
        metadata.WriteTo(w);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>After kubectl's printPod: the last container's waiting/terminated reason wins, then Terminating.</summary>
    private static string PodStatus(JsonElement metadata, JsonElement status, List<JsonElement> containers)
    {
        var reason = String(status, "reason") ?? String(status, "phase") ?? "Unknown";
        for (var i = containers.Count - 1; i >= 0; i--)
        {
            var state = containers[i].TryGetProperty("state", out var st) ? st : default;
            if (Nested(state, "waiting") is { ValueKind: JsonValueKind.Object } waiting && String(waiting, "reason") is { } waitingReason)
            {
                reason = waitingReason;
            }
            else if (Nested(state, "terminated") is { ValueKind: JsonValueKind.Object } terminated)
            {
                reason = String(terminated, "reason") ?? (terminated.TryGetProperty("exitCode", out var code) ? $"ExitCode:{code.GetInt32()}" : reason);
            }
        }

        return metadata.TryGetProperty("deletionTimestamp", out _) ? "Terminating" : reason;
    }

    /// <summary>k8s.io/apimachinery duration.HumanDuration: the AGE column format.</summary>
    internal static string HumanDuration(TimeSpan d)
    {
        var seconds = (long)d.TotalSeconds;
        if (seconds < -1)
        {
            return "<invalid>";
        }

        if (seconds < 0)
        {
            return "0s";
        }

        if (seconds < 120)
        {
            return $"{seconds}s";
        }

        var minutes = seconds / 60;
        if (minutes < 10)
        {
            return seconds % 60 == 0 ? $"{minutes}m" : $"{minutes}m{seconds % 60}s";
        }

        if (minutes < 180)
        {
            return $"{minutes}m";
        }

        var hours = minutes / 60;
        if (hours < 8)
        {
            return minutes % 60 == 0 ? $"{hours}h" : $"{hours}h{minutes % 60}m";
        }

        if (hours < 48)
        {
            return $"{hours}h";
        }

        if (hours < 24 * 8)
        {
            return hours % 24 == 0 ? $"{hours / 24}d" : $"{hours / 24}d{hours % 24}h";
        }

        if (hours < 24 * 365 * 2)
        {
            return $"{hours / 24}d";
        }

        var years = hours / 24 / 365;
        if (hours < 24 * 365 * 8)
        {
            var days = hours / 24 % 365;
            return days == 0 ? $"{years}y" : $"{years}y{days}d";
        }

        return $"{years}y";
    }

    private static List<JsonElement> Array(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array
            ? a.EnumerateArray().ToList()
            : [];

    private static JsonElement Nested(JsonElement parent, params string[] path)
    {
        foreach (var name in path)
        {
            if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out parent))
            {
                return default;
            }
        }

        return parent;
    }

    private static string? String(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static DateTimeOffset? Timestamp(JsonElement parent, string name) =>
        String(parent, name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;
}
