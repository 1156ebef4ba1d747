using System.Buffers;
using System.Text.Json;

namespace PodExport.Model.Json;

/// <summary>
/// A reusable buffer and writer for one thread: rendering a line allocates only the right-sized result array.
/// </summary>
internal sealed class RenderBuffer
{
    // A rare huge pod must not pin a huge buffer to the thread for ever.
    private const int KeepCapacity = 256 * 1024;
    private const int InitialCapacity = 4 * 1024;

    [ThreadStatic]
    private static RenderBuffer? _compact;

    [ThreadStatic]
    private static RenderBuffer? _pretty;

    private readonly JsonWriterOptions _options;
    private ArrayBufferWriter<byte> _buffer;

    private RenderBuffer(JsonWriterOptions options)
    {
        _options = options;
        _buffer = new ArrayBufferWriter<byte>(InitialCapacity);
        Writer = new Utf8JsonWriter(_buffer, options);
    }

    public Utf8JsonWriter Writer { get; private set; }

    /// <summary>The thread's buffer for the given form, emptied and ready to write.</summary>
    public static RenderBuffer Rent(bool pretty)
    {
        var buffer = pretty
            ? _pretty ??= new RenderBuffer(PodJsonWriter.PrettyOptions)
            : _compact ??= new RenderBuffer(PodJsonWriter.CompactOptions);
        buffer.Reset();
        return buffer;
    }

    /// <summary>Flushes the writer and copies what was written, plus an optional <c>\n</c>, into a new array (or returns <paramref name="reuse"/> when it holds exactly those bytes).</summary>
    public byte[] ToArray(bool newline, byte[]? reuse = null)
    {
        Writer.Flush();
        var written = _buffer.WrittenSpan;
        if (reuse is not null
            && reuse.Length == written.Length + (newline ? 1 : 0)
            && written.SequenceEqual(reuse.AsSpan(0, written.Length))
            && (!newline || reuse[^1] == (byte)'\n'))
        {
            return reuse;
        }

        var result = GC.AllocateUninitializedArray<byte>(written.Length + (newline ? 1 : 0));
        written.CopyTo(result);
        if (newline)
        {
            result[^1] = (byte)'\n';
        }

        return result;
    }

    private void Reset()
    {
        if (_buffer.Capacity > KeepCapacity)
        {
            _buffer = new ArrayBufferWriter<byte>(InitialCapacity);
        }
        else
        {
            _buffer.ResetWrittenCount();
        }

        // Also clears any state a previous render left behind when it threw half-way.
        Writer.Reset(_buffer);
    }
}
