using System.Runtime.CompilerServices;
using PodExport.Cluster.Pods;
using PodExport.Cluster.Workloads;
using PodExport.Model.Records;

namespace PodExport.Benchmarks.EndToEnd;

/// <summary>
/// Where the store's bytes per pod go, measured by letting go of one part at a time and collecting. The store's own
/// structures (dictionary, memory-cache entries of retained pods, order index, owner graph) are what is left when
/// only the pod states remain; each state's owner references and owner resolution come next, then the record, its
/// query attributes and its pre-rendered line (which also carries the terminated history). A part's figure counts
/// only what no part measured after it also references (a string shared with the attributes counts there).
/// </summary>
public sealed record StoreBreakdown(
    int Pods,
    long StoreStructures,
    long StateShells,
    long OwnerReferences,
    long Owners,
    long RecordRest,
    long Attributes,
    long Lines)
{
    public long Total => StoreStructures + StateShells + OwnerReferences + Owners + RecordRest + Attributes + Lines;

    public double PerPod(long bytes) => (double)bytes / Pods;

    /// <summary>
    /// Measures the parts of <paramref name="states"/>, which the caller must no longer reference otherwise; the store
    /// itself must already be gone. <paramref name="storeBytes"/> is what the whole store held.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static StoreBreakdown Measure(ref PodState[]? states, long storeBytes)
    {
        var count = states!.Length;
        var ownerReferences = new object?[count];
        var owners = new OwnerResolution?[count];
        var records = new PodRecord?[count];
        var attributes = new PodAttributes?[count];
        var lines = new byte[]?[count];
        for (var i = 0; i < count; i++)
        {
            var state = states[i];
            ownerReferences[i] = state.OwnerReferences;
            owners[i] = state.Owner;
            records[i] = state.Record;
            attributes[i] = state.Record.Attributes;
            lines[i] = state.Record.Line;
        }

        var withStates = Heap();
        states = null;
        var withParts = Heap();
        Array.Clear(ownerReferences);
        var noOwnerReferences = Heap();
        Array.Clear(owners);
        var noOwners = Heap();
        Array.Clear(records);
        var noRecords = Heap();
        Array.Clear(attributes);
        var noAttributes = Heap();
        Array.Clear(lines);
        var none = Heap();
        GC.KeepAlive(ownerReferences);
        GC.KeepAlive(owners);
        GC.KeepAlive(records);
        GC.KeepAlive(attributes);
        GC.KeepAlive(lines);
        return new StoreBreakdown(
            count,
            StoreStructures: storeBytes - (withStates - none),
            StateShells: withStates - withParts,
            OwnerReferences: withParts - noOwnerReferences,
            Owners: noOwnerReferences - noOwners,
            RecordRest: noOwners - noRecords,
            Attributes: noRecords - noAttributes,
            Lines: noAttributes - none);
    }

    private static long Heap()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
