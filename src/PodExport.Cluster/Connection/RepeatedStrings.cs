using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PodExport.Cluster.Connection;

/// <summary>
/// One shared instance per distinct value of the strings that repeat across pods: namespaces, nodes, container names,
/// images and image IDs, owner references, label keys and values. Every replica of a Deployment carries the same
/// images, digests, owner name and UID, and labels; decoded plainly, each pod holds its own copies of them, which the
/// garbage collector then moves as long as the list is held, and which the store keeps when it keeps the values.
/// </summary>
/// <remarks>
/// Bounded: when <see cref="Capacity"/> distinct values are held the pool starts afresh, so values that do not repeat
/// (a label unique to each pod) cost at most that much and never grow the pool without limit.
/// </remarks>
internal sealed class RepeatedStrings
{
    /// <summary>Longer values (say, an annotation) are not worth pooling: they are rare and rarely repeat.</summary>
    private const int MaxPooledLength = 256;

    private readonly ConcurrentDictionary<string, string> _pool = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    // Counted here: ConcurrentDictionary.Count takes every lock, too dear for each new value.
    private int _added;

    public RepeatedStrings(int capacity = 65_536)
    {
        Capacity = capacity;
        _lookup = _pool.GetAlternateLookup<ReadOnlySpan<char>>();
        String = new StringConverter(this);
        Labels = new LabelsConverter(this);
    }

    public int Capacity { get; }

    public int Count => _pool.Count;

    /// <summary>For a string property.</summary>
    public JsonConverter<string> String { get; }

    /// <summary>For a <c>map[string]string</c> property such as <c>metadata.labels</c>: keys and values pooled.</summary>
    public JsonConverter<IDictionary<string, string>> Labels { get; }

    /// <summary>The current string token (a property name or a string value), from the pool when it holds it.</summary>
    public string Read(ref Utf8JsonReader reader)
    {
        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (length > MaxPooledLength)
        {
            return reader.GetString()!;
        }

        // UTF-8 never takes fewer bytes than UTF-16 code units, so the byte length bounds the characters.
        Span<char> chars = stackalloc char[(int)length];
        var written = reader.CopyString(chars);
        var value = chars[..written];
        if (_lookup.TryGetValue(value, out var pooled))
        {
            return pooled;
        }

        var created = new string(value);
        if (Volatile.Read(ref _added) >= Capacity)
        {
            // Racing decoders may both clear, or add a few past the bound before one does: still bounded.
            _pool.Clear();
            Volatile.Write(ref _added, 0);
        }

        if (_pool.TryAdd(created, created))
        {
            Interlocked.Increment(ref _added);
            return created;
        }

        return _pool.TryGetValue(created, out var raced) ? raced : created;
    }

    private sealed class StringConverter(RepeatedStrings pool) : JsonConverter<string>
    {
        public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String
                ? pool.Read(ref reader)
                : throw new JsonException($"Expected a string, found {reader.TokenType}.");

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value);
    }

    private sealed class LabelsConverter(RepeatedStrings pool) : JsonConverter<IDictionary<string, string>>
    {
        public override IDictionary<string, string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonException($"Expected an object, found {reader.TokenType}.");
            }

            // The type the serializer itself creates for IDictionary<string, string>.
            var labels = new Dictionary<string, string>();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var key = pool.Read(ref reader);
                reader.Read();
                // Last one wins on a repeated key, as with the serializer's own dictionary reading.
                labels[key] = reader.TokenType switch
                {
                    JsonTokenType.String => pool.Read(ref reader),
                    // A null value is kept as null, as the serializer's own dictionary reading keeps it.
                    JsonTokenType.Null => null!,
                    _ => throw new JsonException($"Expected a string label value, found {reader.TokenType}."),
                };
            }

            return labels;
        }

        public override void Write(Utf8JsonWriter writer, IDictionary<string, string> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value, options.GetTypeInfo(typeof(IDictionary<string, string>)));
    }
}
