using System.Text.Json;
using PodExport.Model.Wire;

namespace PodExport.Model.Json;

/// <summary>
/// Writes pods and statuses exactly as StackRox's protojson + grpc-gateway does (export-api §4, §5): keys in proto
/// declaration order, every field present, enum names, RFC 3339 timestamps, Go-style escaping (W-17 to W-25).
/// </summary>
/// <remarks>
/// The Render methods are thread-safe and reuse one buffer per thread; each returns a new right-sized array that
/// the caller may keep. They throw <see cref="ArgumentOutOfRangeException"/> for a timestamp protojson cannot write
/// (<see cref="Rfc3339.IsValid"/>), as protojson refuses to marshal one.
/// </remarks>
public static partial class PodJsonWriter
{
    /// <summary>Compact output with the W-24 escaping: what every stream line uses.</summary>
    public static JsonWriterOptions CompactOptions { get; } = new()
    {
        Encoder = GoJsonEncoder.Instance,
        Indented = false,
        SkipValidation = false,
    };

    /// <summary>Go's json.Indent(prefix "", indent "  ") with the W-24 escaping (W-25).</summary>
    public static JsonWriterOptions PrettyOptions { get; } = new()
    {
        Encoder = GoJsonEncoder.Instance,
        Indented = true,
        IndentCharacter = ' ',
        IndentSize = 2,
        NewLine = "\n",
        SkipValidation = false,
    };

    /// <summary><c>{"result":{"pod":…}}</c> + <c>\n</c>, compact.</summary>
    public static byte[] RenderLine(Pod pod) => RenderPodLine(pod, pretty: false, reuse: null);

    /// <summary>
    /// As <see cref="RenderLine(Pod)"/>, but returns <paramref name="previous"/> itself when the bytes are the same,
    /// so an unchanged pod costs no new array.
    /// </summary>
    public static byte[] RenderLine(Pod pod, byte[]? previous) => RenderPodLine(pod, pretty: false, reuse: previous);

    /// <summary>The same message indented as Go's json.Indent(prefix "", indent "  "), + <c>\n</c> (W-25).</summary>
    public static byte[] RenderPrettyLine(Pod pod) => RenderPodLine(pod, pretty: true, reuse: null);

    /// <summary><c>{"error":{"code":N,"message":"…","details":[]}}</c> + <c>\n</c> (W-28, W-29).</summary>
    public static byte[] RenderErrorLine(RpcStatus status, bool pretty)
    {
        ArgumentNullException.ThrowIfNull(status);
        var buffer = RenderBuffer.Rent(pretty);
        var writer = buffer.Writer;
        writer.WriteStartObject();
        writer.WritePropertyName(JsonNames.Error);
        WriteStatus(writer, status);
        writer.WriteEndObject();
        return buffer.ToArray(newline: true);
    }

    /// <summary><c>{"code":N,"message":"…","details":[],"error":"…"}</c>, no trailing newline (W-32).</summary>
    public static byte[] RenderParameterError(RpcStatus status, bool pretty)
    {
        ArgumentNullException.ThrowIfNull(status);
        var buffer = RenderBuffer.Rent(pretty);
        var writer = buffer.Writer;
        writer.WriteStartObject();
        WriteStatusFields(writer, status);
        writer.WriteString(JsonNames.Error, status.Message ?? "");
        writer.WriteEndObject();
        return buffer.ToArray(newline: false);
    }

    private static byte[] RenderPodLine(Pod pod, bool pretty, byte[]? reuse)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var buffer = RenderBuffer.Rent(pretty);
        var writer = buffer.Writer;
        writer.WriteStartObject();
        writer.WritePropertyName(JsonNames.Result);
        writer.WriteStartObject();
        writer.WritePropertyName(JsonNames.Pod);
        WritePod(writer, pod);
        writer.WriteEndObject();
        writer.WriteEndObject();
        return buffer.ToArray(newline: true, reuse);
    }
}
