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
}
