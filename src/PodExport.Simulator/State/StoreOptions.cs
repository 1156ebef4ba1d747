using System.ComponentModel.DataAnnotations;

namespace PodExport.Simulator.State;

/// <summary>History retention of the simulated cluster (kubernetes-api D.1 item 11).</summary>
public sealed class StoreOptions
{
    /// <summary>Seed for UIDs and the kube-system namespace UID.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>Events kept before automatic compaction; about the etcd/watch-cache window.</summary>
    [Range(10, int.MaxValue)]
    public int HistoryLimit { get; set; } = 50_000;

    /// <summary>Age after which events are compacted (kube-apiserver keeps about 5 minutes).</summary>
    public TimeSpan HistoryMaxAge { get; set; } = TimeSpan.FromMinutes(5);
}
