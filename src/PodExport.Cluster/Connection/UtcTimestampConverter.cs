using System.Text.Json;
using System.Text.Json.Serialization;
using k8s;

namespace PodExport.Cluster.Connection;

/// <summary>
/// Reads the API server's timestamps (RFC 3339 in UTC, <c>…Z</c>) straight from the UTF-8 bytes. KubernetesClient's
/// converter first allocates the string, then tries four exact formats, then a regex: a few microseconds per pod once
/// there are half a dozen timestamps in each. Anything not ending in <c>Z</c>, or that the reader cannot parse, goes
/// to that converter, as does all writing, so results and output stay the client's.
/// </summary>
internal sealed class UtcTimestampConverter : JsonConverter<DateTime>
{
    private static readonly KubernetesJson.KubernetesDateTimeConverter Client = new();

    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String
            && !reader.HasValueSequence
            && !reader.ValueIsEscaped
            && reader.ValueSpan is [.., (byte)'Z']
            && reader.TryGetDateTimeOffset(out var value))
        {
            return value.UtcDateTime;
        }

        return Client.Read(ref reader, typeToConvert, options);
    }

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
        Client.Write(writer, value, options);
}
