using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PodExport.Simulator.State;

namespace PodExport.Simulator.Api;

/// <summary>
/// Builds watch lines and single-object bodies by splicing <c>kind</c>/<c>apiVersion</c> into the stored list-item
/// JSON, so that an object is serialized once per version however many watchers receive it.
/// </summary>
internal static class WatchLines
{
    private static readonly ConcurrentDictionary<(string Type, int Kind), byte[]> Prefixes = new();
    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true };

    public static string TypeName(ChangeType type) => type switch
    {
        ChangeType.Added => "ADDED",
        ChangeType.Modified => "MODIFIED",
        _ => "DELETED",
    };

    /// <summary><c>{"type":"ADDED","object":{"kind":"Pod","apiVersion":"v1",</c></summary>
    public static byte[] Prefix(string type, ResourceKind kind) =>
        Prefixes.GetOrAdd((type, kind.Index), key =>
            Encoding.UTF8.GetBytes($"{{\"type\":\"{key.Type}\",\"object\":{{\"kind\":\"{kind.Kind}\",\"apiVersion\":\"{kind.ApiVersion}\","));

    /// <summary>The complete event line, newline included.</summary>
    public static byte[] Line(string type, StoredObject obj)
    {
        var prefix = Prefix(type, obj.Kind);
        var body = obj.Json.AsSpan(1);
        var line = new byte[prefix.Length + body.Length + 2];
        prefix.CopyTo(line, 0);
        body.CopyTo(line.AsSpan(prefix.Length));
        line[^2] = (byte)'}';
        line[^1] = (byte)'\n';
        return line;
    }

    /// <summary>The object with kind/apiVersion, as GET, create and delete return it.</summary>
    public static byte[] WithKind(StoredObject obj)
    {
        var head = Encoding.UTF8.GetBytes($"{{\"kind\":\"{obj.Kind.Kind}\",\"apiVersion\":\"{obj.Kind.ApiVersion}\",");
        var result = new byte[head.Length + obj.Json.Length - 1];
        head.CopyTo(result, 0);
        obj.Json.AsSpan(1).CopyTo(result.AsSpan(head.Length));
        return result;
    }

    public static byte[] Bookmark(ResourceKind kind, long resourceVersion, BookmarkShape shape, bool initialEventsEnd)
    {
        var rv = resourceVersion.ToString(CultureInfo.InvariantCulture);
        var annotations = initialEventsEnd ? ",\"annotations\":{\"k8s.io/initial-events-end\":\"true\"}" : "";
        var body = shape == BookmarkShape.Minimal
            ? $"\"metadata\":{{\"resourceVersion\":\"{rv}\"{annotations}}}"
            : $"\"metadata\":{{\"resourceVersion\":\"{rv}\",\"creationTimestamp\":null{annotations}}},\"spec\":{(kind == ResourceKind.Pod ? "{\"containers\":null}" : "{}")},\"status\":{{}}";
        return Encoding.UTF8.GetBytes(
            $"{{\"type\":\"BOOKMARK\",\"object\":{{\"kind\":\"{kind.Kind}\",\"apiVersion\":\"{kind.ApiVersion}\",{body}}}}}\n");
    }

    /// <summary>The same event, indented over several lines (a fault).</summary>
    public static byte[] PrettyPrint(byte[] line)
    {
        var node = JsonNode.Parse(line.AsSpan(0, line.Length - 1));
        return Encoding.UTF8.GetBytes(node!.ToJsonString(Pretty) + "\n");
    }
}
