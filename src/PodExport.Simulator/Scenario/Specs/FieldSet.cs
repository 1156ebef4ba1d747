using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PodExport.Simulator.Scenario.Specs;

/// <summary>
/// Writes a <c>fieldsV1</c> tree the way kube-apiserver's structured-merge-diff field manager does for an Update:
/// <c>f:&lt;field&gt;</c> for struct fields and map keys, <c>k:{…}</c> for items of lists keyed by merge keys (key fields
/// sorted), <c>v:"…"</c> for set items, <c>{}</c> for leaves, atomic lists and atomic structs, and <c>.</c> on every
/// non-empty node the manager created, that is every node absent from the type's zero value (so not on
/// <c>f:metadata</c>, <c>f:spec</c> or the always-present lists passed as <c>existing</c>).
/// </summary>
internal static class FieldSet
{
    // Pod lists with +listType=map and their keys (k8s.io/api core/v1 types.go).
    private static readonly Dictionary<string, string[]> KeyedLists = new(StringComparer.Ordinal)
    {
        ["containers"] = ["name"],
        ["initContainers"] = ["name"],
        ["ports"] = ["containerPort", "protocol"],
        ["env"] = ["name"],
        ["volumeMounts"] = ["mountPath"],
        ["volumes"] = ["name"],
        ["imagePullSecrets"] = ["name"],
        ["topologySpreadConstraints"] = ["topologyKey", "whenUnsatisfiable"],
        ["ownerReferences"] = ["uid"],
        ["conditions"] = ["type"],
        ["podIPs"] = ["ip"],
    };

    // +structType=atomic: owned as a whole (OwnerReference, the selectors under env valueFrom, LabelSelector, NodeSelector).
    private static readonly HashSet<string> AtomicStructs = new(StringComparer.Ordinal)
    {
        "fieldRef", "resourceFieldRef", "secretKeyRef", "configMapKeyRef", "labelSelector",
        "requiredDuringSchedulingIgnoredDuringExecution",
    };

    private static readonly HashSet<string> AtomicItems = new(StringComparer.Ordinal) { "ownerReferences" };

    // +listType=set.
    private static readonly HashSet<string> SetLists = new(StringComparer.Ordinal) { "finalizers" };

    // Go's encoding/json writes the quotes inside k:{"name":"app"} as \", not as \u0022.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A writer with the escaping the API server uses for field paths.</summary>
    public static Utf8JsonWriter Writer(IBufferWriter<byte> buffer) => new(buffer, WriterOptions);

    /// <summary>A <c>fieldsV1</c> value holding the given top-level fields (each an object, e.g. metadata and spec).</summary>
    public static JsonElement Build(IEnumerable<(string Field, JsonElement Value, IReadOnlySet<string> Existing)> roots)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = Writer(buffer))
        {
            writer.WriteStartObject();
            foreach (var (field, value, existing) in roots.OrderBy(r => r.Field, StringComparer.Ordinal))
            {
                writer.WritePropertyName("f:" + field);
                WriteObject(writer, value, self: false, existing);
            }

            writer.WriteEndObject();
        }

        return Parse(buffer.WrittenSpan);
    }

    /// <summary>Parses finished <c>fieldsV1</c> JSON into a standalone element (it owns a copy of the bytes).</summary>
    public static JsonElement Parse(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        return JsonElement.ParseValue(ref reader);
    }

    private static void WriteObject(Utf8JsonWriter writer, JsonElement value, bool self, IReadOnlySet<string>? existing = null)
    {
        writer.WriteStartObject();
        if (self)
        {
            WriteLeaf(writer, ".");
        }

        foreach (var property in value.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            WriteField(writer, property.Name, property.Value, existing?.Contains(property.Name) == true);
        }

        writer.WriteEndObject();
    }

    private static void WriteField(Utf8JsonWriter writer, string name, JsonElement value, bool existed)
    {
        var key = "f:" + name;
        switch (value.ValueKind)
        {
            case JsonValueKind.Object when !AtomicStructs.Contains(name) && value.EnumerateObject().Any():
                writer.WritePropertyName(key);
                WriteObject(writer, value, self: !existed);
                break;
            case JsonValueKind.Array when value.GetArrayLength() > 0 && KeyedLists.TryGetValue(name, out var keys):
                writer.WritePropertyName(key);
                WriteKeyedList(writer, name, value, keys, self: !existed);
                break;
            case JsonValueKind.Array when value.GetArrayLength() > 0 && SetLists.Contains(name):
                writer.WritePropertyName(key);
                writer.WriteStartObject();
                WriteLeaf(writer, ".");
                foreach (var item in value.EnumerateArray().Select(i => "v:" + i.GetRawText()).Order(StringComparer.Ordinal))
                {
                    WriteLeaf(writer, item);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Null:
                break;
            default:
                WriteLeaf(writer, key);
                break;
        }
    }

    private static void WriteKeyedList(Utf8JsonWriter writer, string name, JsonElement list, string[] keys, bool self)
    {
        writer.WriteStartObject();
        if (self)
        {
            WriteLeaf(writer, ".");
        }

        var items = list.EnumerateArray().Select(item => (Key: ItemKey(item, keys), Item: item)).OrderBy(i => i.Key, StringComparer.Ordinal);
        foreach (var (itemKey, item) in items)
        {
            if (AtomicItems.Contains(name))
            {
                WriteLeaf(writer, itemKey);
                continue;
            }

            writer.WritePropertyName(itemKey);
            WriteObject(writer, item, self: true);
        }

        writer.WriteEndObject();
    }

    /// <summary><c>k:{"containerPort":80,"protocol":"TCP"}</c>: the key fields in name order, compact.</summary>
    private static string ItemKey(JsonElement item, string[] keys)
    {
        // Key values are names, ports, paths and IPs: their raw JSON text is what the API server writes.
        var key = new StringBuilder("k:{", 64);
        foreach (var name in keys)
        {
            if (item.TryGetProperty(name, out var value))
            {
                key.Append(key.Length > 3 ? ",\"" : "\"").Append(name).Append("\":").Append(value.GetRawText());
            }
        }

        return key.Append('}').ToString();
    }

    public static void WriteLeaf(Utf8JsonWriter writer, string name)
    {
        writer.WriteStartObject(name);
        writer.WriteEndObject();
    }
}
