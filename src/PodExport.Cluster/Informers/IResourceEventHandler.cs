namespace PodExport.Cluster.Informers;

/// <summary>
/// Receives an informer's output. Runs on the watch loop, so it must be quick and never block (kubernetes-api B.10).
/// </summary>
public interface IResourceEventHandler<T>
{
    /// <summary>
    /// A complete list (the initial one, or a relist after the watch could not resume) turned into changes:
    /// Added/Modified for every listed object, and a synthetic Deleted (carrying the last known state) for every
    /// held key the list no longer has (kubernetes-api B.7). Applied as one store change (pod-model M-30).
    /// </summary>
    void OnList(IReadOnlyList<ResourceEvent<T>> changes, bool initial);

    /// <summary>One watch event.</summary>
    void OnEvent(ResourceEvent<T> change);
}
