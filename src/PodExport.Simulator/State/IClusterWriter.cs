using k8s;
using k8s.Models;

namespace PodExport.Simulator.State;

/// <summary>
/// The write side of the simulated cluster's object store, as the scenario engine and fixtures use it. Every call
/// bumps the one global resourceVersion, stamps it on the object and records the watch event(s) in the history.
/// </summary>
public interface IClusterWriter
{
    /// <summary>Adds an object (ADDED). Fills <c>metadata.uid</c>, <c>creationTimestamp</c> when empty. Returns the new RV.</summary>
    long Create(IKubernetesObject<V1ObjectMeta> obj);

    /// <summary>Replaces an object by kind/namespace/name (MODIFIED). Returns the new RV.</summary>
    long Update(IKubernetesObject<V1ObjectMeta> obj);

    /// <summary>
    /// Deletes by kind (<c>Pod</c>, <c>ReplicaSet</c>, …), namespace (null for cluster-scoped) and name. Graceful: a
    /// MODIFIED with <c>deletionTimestamp</c>/<c>deletionGracePeriodSeconds</c> (pods: containers terminated) first,
    /// then DELETED. Returns the RV of the DELETED event, or -1 when the object does not exist.
    /// </summary>
    long Delete(string kind, string? @namespace, string name, bool graceful);
}
