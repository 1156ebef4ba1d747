using System.Buffers;
using System.IO.Pipelines;

namespace PodExport.Server.Export;

/// <summary>
/// A write-only stream that copies into a <see cref="PipeWriter"/>'s buffer without flushing it, so that a
/// <see cref="System.IO.Compression.GZipStream"/> can compress synchronously (Kestrel forbids synchronous I/O, but
/// this is only a memory copy) while the export alone decides when to flush and wait for the client.
/// </summary>
internal sealed class PipeWriterStream(PipeWriter writer) : Stream
{
    private bool _detached;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>Drops every later write: the response was abandoned, and disposing the compressor must not touch it.</summary>
    public void Detach() => _detached = true;

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (!_detached)
        {
            writer.Write(buffer);
        }
    }

    // Flushing the pipe is the export's job (flush policy, backpressure).
    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
