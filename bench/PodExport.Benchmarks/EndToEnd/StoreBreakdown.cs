using System.Runtime.CompilerServices;
using PodExport.Cluster.Pods;
using PodExport.Cluster.Workloads;
using PodExport.Model.Records;
using PodExport.Model.Wire;

namespace PodExport.Benchmarks.EndToEnd;

/// <summary>
/// Where the store's bytes per pod go, measured by letting go of one part at a time and collecting. The store's own
/// structures (memory-cache entries, order index, owner graph) are what is left when only the pod states remain; each
/// state's converted observation, terminated history and owner resolution come next, then the record's wire pod
/// graph, pre-rendered line, query attributes and the rest. A part's figure counts only what no part measured after
/// it also references (a string shared with the wire pod counts in the wire pod).
/// </summary>
public sealed record StoreBreakdown(
    int Pods,
    long StoreStructures,
    long StateShells,
    long Observations,
    long Histories,
    long Owners,
    long Wire,
    long Lines,
    long Attributes,
    long RecordRest)
{
    public long Total => StoreStructures + StateShells + Observations + Histories + Owners + Wire + Lines + Attributes + RecordRest;

    public double PerPod(long bytes) => (double)bytes / Pods;

    /// <summary>
    /// Measures the parts of <paramref name="states"/>, which the caller must no longer reference otherwise; the store
    /// itself must already be gone. <paramref name="storeBytes"/> is what the whole store held.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static StoreBreakdown Measure(ref PodState[]? states, long storeBytes)
    {
        var count = states!.Length;
        var observations = new PodObservation?[count];
        var histories = new TerminatedHistory?[count];
        var owners = new OwnerResolution?[count];
        var wire = new Pod?[count];
        var lines = new byte[]?[count];
        var attributes = new PodAttributes?[count];
        var records = new PodRecord?[count];
        for (var i = 0; i < count; i++)
        {
            var state = states[i];
            observations[i] = state.Observation;
            histories[i] = state.History;
            owners[i] = state.Owner;
            records[i] = state.Record;
            wire[i] = state.Record.Pod;
            lines[i] = state.Record.Line;
            attributes[i] = state.Record.Attributes;
        }

        var withStates = Heap();
        states = null;
        var withParts = Heap();
        Array.Clear(observations);
        var noObservations = Heap();
        Array.Clear(histories);
        var noHistories = Heap();
        Array.Clear(owners);
        var noOwners = Heap();
        Array.Clear(records);
        var noRecords = Heap();
        Array.Clear(attributes);
        var noAttributes = Heap();
        Array.Clear(lines);
        var noLines = Heap();
        Array.Clear(wire);
        var none = Heap();
        GC.KeepAlive(observations);
        GC.KeepAlive(histories);
        GC.KeepAlive(owners);
        GC.KeepAlive(records);
        GC.KeepAlive(attributes);
        GC.KeepAlive(lines);
        GC.KeepAlive(wire);
        return new StoreBreakdown(
            count,
            StoreStructures: storeBytes - (withStates - none),
            StateShells: withStates - withParts,
            Observations: withParts - noObservations,
            Histories: noObservations - noHistories,
            Owners: noHistories - noOwners,
            Wire: noLines - none,
            Lines: noAttributes - noLines,
            Attributes: noRecords - noAttributes,
            RecordRest: noOwners - noRecords);
    }

    private static long Heap()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
