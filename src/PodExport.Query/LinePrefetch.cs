using PodExport.Model.Records;
using PodExport.Query.Compilation;

namespace PodExport.Query;

/// <summary>
/// Prefetch for a loop that copies the pre-rendered lines of consecutive records (the unfiltered export). Each
/// line sits behind its record, both scattered over the heap, so every pod would otherwise cost two dependent cache
/// misses before its copy starts; the copy itself streams, which the hardware prefetcher follows.
/// </summary>
public static class LinePrefetch
{
    /// <summary>How many records apart the two stages run.</summary>
    public const int Distance = RecordPrefetch.Distance;

    /// <summary>
    /// Call before writing <c>pods[index]</c>: prefetches the record <see cref="Distance"/> × 2 ahead and the start of
    /// the line <see cref="Distance"/> ahead (whose record was prefetched <see cref="Distance"/> calls ago).
    /// </summary>
    public static void Ahead(ReadOnlySpan<PodRecord> pods, int index)
    {
        if (index + (2 * Distance) < pods.Length)
        {
            Prefetch.Object(pods[index + (2 * Distance)]);
        }

        if (index + Distance < pods.Length)
        {
            Prefetch.Object(pods[index + Distance].Line);
        }
    }
}
