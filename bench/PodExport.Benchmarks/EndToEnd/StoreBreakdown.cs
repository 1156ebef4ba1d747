using PodExport.Model.Records;
using PodExport.Model.Wire;

namespace PodExport.Benchmarks.EndToEnd;

/// <summary>
/// Where the store's bytes per pod go, measured by letting go of one part at a time and collecting: the records'
/// wire pod graphs, their pre-rendered lines, their query attributes, the rest of the record (its flattened lists),
/// and what the store keeps besides the records (each pod's state: the converted observation, terminated history and
/// owner resolution; the memory-cache entry; the order index; the owner graph's back-references). A string shared by
/// two parts counts in the one let go of last (the wire pod).
/// </summary>
public sealed record StoreBreakdown(int Pods, long Wire, long Lines, long Attributes, long RecordRest, long StoreRest)
{
    public double PerPod(long bytes) => (double)bytes / Pods;

    /// <summary>Measures the parts of <paramref name="records"/>, which the caller must no longer reference; the store must already be gone.</summary>
    public static StoreBreakdown Measure(ref PodRecord[]? records, long storeBytes)
    {
        var count = records!.Length;
        var wire = new Pod?[count];
        var lines = new byte[]?[count];
        var attributes = new PodAttributes?[count];
        for (var i = 0; i < count; i++)
        {
            wire[i] = records[i].Pod;
            lines[i] = records[i].Line;
            attributes[i] = records[i].Attributes;
        }

        var withRecords = Heap();
        records = null;
        var withParts = Heap();
        Array.Clear(attributes);
        var withWireAndLines = Heap();
        Array.Clear(lines);
        var withWire = Heap();
        Array.Clear(wire);
        var none = Heap();
        GC.KeepAlive(wire);
        GC.KeepAlive(lines);
        GC.KeepAlive(attributes);
        var recordBytes = withRecords - none;
        return new StoreBreakdown(
            count,
            withWire - none,
            withWireAndLines - withWire,
            withParts - withWireAndLines,
            withRecords - withParts,
            storeBytes - recordBytes);
    }

    private static long Heap()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
