using System.IO.Compression;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using PodExport.Model.Json;
using PodExport.Model.Wire;

namespace PodExport.Server.Export;

/// <summary>
/// Writes one export's body straight to <c>Response.BodyWriter</c> (OPERATIONS.md §5): the first pod line sets
/// <c>Content-Type</c> and picks gzip (export-api W-13, W-27) and is flushed at once, later lines about every
/// <see cref="FlushThreshold"/> bytes, and the rest at the end (W-14). Each flush waits for the client, which is the
/// backpressure that keeps memory flat for a slow reader. Under gzip every flush is a sync flush, so each line sent
/// can be decompressed on arrival.
/// </summary>
/// <remarks>
/// Uncompressed lines are copied once, into the pipe's own memory: the writer holds the block
/// <c>GetMemory</c> gave it and calls <c>Advance</c> only when the block is full or a flush is due. Each
/// <c>GetMemory</c>/<c>Advance</c> takes Kestrel's output lock (and, for a chunked body, closes a chunk), so doing
/// that per line cost 16 % of the export's CPU (bench); a private batch buffer instead cost a second copy of every
/// byte and 64 KB per running export. The writer never holds pipe memory across a flush.
/// It asks for memory without a size hint, so it gets Kestrel's pooled 4 KB blocks: a hint above 4 KB makes the
/// pipe rent from <c>ArrayPool.Shared</c>, whose per-core stacks ran dry under 32 concurrent exports and turned
/// into tens of MB of garbage per export (bench).
/// </remarks>
internal sealed class ExportStreamWriter(HttpContext context, bool pretty) : IDisposable
{
    /// <summary>
    /// Uncompressed bytes between flushes after the first line. Kestrel's response buffer holds 64 KB
    /// (<c>MaxResponseBufferSize</c>) before a flush waits for the socket; half of that lets the socket send one
    /// half while the export fills the other.
    /// </summary>
    public const int FlushThreshold = 32 * 1024;

    private readonly HttpResponse _response = context.Response;
    private readonly PipeWriter _pipe = context.Response.BodyWriter;
    private PipeWriterStream? _gzipTarget;
    private GZipStream? _gzip;

    // The pipe memory being filled (from GetMemory, not yet advanced) and how much of it holds lines.
    private Memory<byte> _memory;
    private int _filled;
    private long _unflushed;
    private bool _flushing;

    public long PodsWritten { get; private set; }

    /// <summary>Uncompressed body bytes written, error line included.</summary>
    public long BytesWritten { get; private set; }

    /// <summary>True when a flush was interrupted: its data never reached the client, so nothing can follow (W-35).</summary>
    public bool FlushInterrupted => _flushing;

    /// <summary>
    /// Adds one pod line to the body without waiting; true when the caller must now call <see cref="FlushAsync"/>
    /// (after the first line, and then about every <see cref="FlushThreshold"/> bytes).
    /// </summary>
    public bool WritePod(byte[] line)
    {
        if (PodsWritten == 0)
        {
            StartBody();
        }

        Write(line);
        PodsWritten++;
        return PodsWritten == 1 || _unflushed >= FlushThreshold;
    }

    /// <summary>Ends a successful body; an empty one is still flushed, so the 200 is streamed and never carries a Content-Length (W-13).</summary>
    public ValueTask<bool> CompleteAsync(CancellationToken cancellationToken)
    {
        FinishCompression();
        return FlushAsync(cancellationToken);
    }

    /// <summary>
    /// Before the first pod line: the stream-error response with the code's status (W-28). After it: one error line
    /// ending the body (W-29). False when even that could not be sent; the caller then aborts (W-30).
    /// </summary>
    public async ValueTask<bool> WriteErrorAsync(RpcStatus status, CancellationToken cancellationToken)
    {
        if (PodsWritten == 0)
        {
            await ExportResponses.WriteStreamErrorAsync(context, status, pretty);
            return true;
        }

        Write(PodJsonWriter.RenderErrorLine(status, pretty));
        FinishCompression();
        return await FlushAsync(cancellationToken);
    }

    /// <summary>Sends what was written and waits for the client to take it; false when the client is gone.</summary>
    // Pooled: an export suspends here thousands of times, and a box per suspension was most of its garbage.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<bool> FlushAsync(CancellationToken cancellationToken)
    {
        // GZipStream.Flush is a zlib Z_SYNC_FLUSH: it ends the pending deflate block on a byte boundary.
        _gzip?.Flush();
        Commit();
        _unflushed = 0;

        // Cancelled before the flush began: nothing is blocked, so an error line can still follow the data.
        cancellationToken.ThrowIfCancellationRequested();
        _flushing = true;
        var result = await _pipe.FlushAsync(cancellationToken);
        _flushing = false;
        return !result.IsCanceled && !result.IsCompleted;
    }

    public void Dispose()
    {
        // An abandoned compressor must not write its trailer into a response that is being aborted.
        _gzipTarget?.Detach();
        _gzip?.Dispose();
        _memory = default;
    }

    private void StartBody()
    {
        _response.ContentType = ExportResponses.JsonContentType;
        if (AcceptEncoding.AcceptsGzip(context.Request.Headers.AcceptEncoding))
        {
            _response.Headers.ContentEncoding = "gzip";
            _gzipTarget = new PipeWriterStream(_pipe);
            _gzip = new GZipStream(_gzipTarget, CompressionLevel.Fastest, leaveOpen: true);
        }
    }

    private void Write(byte[] bytes)
    {
        if (_gzip is null)
        {
            Copy(bytes);
        }
        else
        {
            _gzip.Write(bytes);
        }

        _unflushed += bytes.Length;
        BytesWritten += bytes.Length;
    }

    private void Copy(ReadOnlySpan<byte> bytes)
    {
        var free = _memory.Span[_filled..];
        while (bytes.Length > free.Length)
        {
            // A line may straddle two blocks: the body is one byte stream, whatever the chunking.
            bytes[..free.Length].CopyTo(free);
            _filled += free.Length;
            bytes = bytes[free.Length..];
            Commit();
            _memory = _pipe.GetMemory();
            free = _memory.Span;
        }

        bytes.CopyTo(free);
        _filled += bytes.Length;
    }

    /// <summary>Hands the filled part of the block to the pipe; the next write asks for a new block.</summary>
    private void Commit()
    {
        if (_filled > 0)
        {
            _pipe.Advance(_filled);
        }

        _memory = default;
        _filled = 0;
    }

    private void FinishCompression()
    {
        // Disposing writes the last deflate block and the gzip trailer into the pipe's buffer.
        _gzip?.Dispose();
        _gzip = null;
    }
}
