using PodExport.Model.Records;
using PodExport.Query.Compilation;

namespace PodExport.Query;

/// <summary>
/// Prefetch for a loop that copies the pre-rendered lines of consecutive records (the export). Each line sits
/// behind its record, both scattered over the heap, and a 1 KB line is 16 cache lines that the hardware prefetcher
/// only starts to follow after the first misses. Copying 100 000 such lines into 4 KB blocks took 19.8 ms without
/// prefetch, 10.0 ms prefetching the line's first cache line, 5.1 ms prefetching its first 1 KB, 7.7 ms its first
/// 1.5 KB, against 3.2 ms for the same bytes from one contiguous array (in-process, best of 25).
/// </summary>
public static class LinePrefetch
{
    /// <summary>How many records apart the two stages run.</summary>
    public const int Distance = RecordPrefetch.Distance;

    /// <summary>How much of each line is prefetched: a typical pod line (about 1 KB); longer lines stream the rest.</summary>
    public const int LineBytes = 1024;

    /// <summary>
    /// Call before writing <c>pods[index]</c>: prefetches the record <see cref="Distance"/> × 2 ahead and the first
    /// <see cref="LineBytes"/> of the line <see cref="Distance"/> ahead (whose record was prefetched
    /// <see cref="Distance"/> calls ago).
    /// </summary>
    public static void Ahead(ReadOnlySpan<PodRecord> pods, int index)
    {
        if (index + (2 * Distance) < pods.Length)
        {
            Prefetch.Object(pods[index + (2 * Distance)]);
        }

        if (index + Distance < pods.Length)
        {
            Prefetch.Bytes(pods[index + Distance].Line, LineBytes);
        }
    }
}
