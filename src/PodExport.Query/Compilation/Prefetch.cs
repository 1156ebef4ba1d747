using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace PodExport.Query.Compilation;

/// <summary>
/// Software prefetch of heap objects. Filtering a large snapshot is bound by memory latency (each pod is a record,
/// its wire pod and its strings, scattered by the rendered lines between them), so touching the pods a few
/// places ahead roughly halves the cost per pod. A prefetch never faults, so an address made stale by a GC
/// move is harmless.
/// </summary>
internal static unsafe class Prefetch
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Object(object? value)
    {
        if (Sse.IsSupported && value is not null)
        {
            Sse.Prefetch0((void*)Unsafe.As<object, nint>(ref value));
        }
    }

    /// <summary>
    /// The first <paramref name="count"/> bytes of an object, header included, without reading it: even reading its
    /// length would stall on the very miss the prefetch is meant to hide. Lines past its end are harmless.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Bytes(object? value, int count)
    {
        if (Sse.IsSupported && value is not null)
        {
            var start = (byte*)Unsafe.As<object, nint>(ref value);
            for (var offset = 0; offset < count; offset += CacheLine)
            {
                Sse.Prefetch0(start + offset);
            }
        }
    }

    private const int CacheLine = 64;
}
