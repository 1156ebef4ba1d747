namespace PodExport.Cluster.Informers;

/// <summary>
/// Receives an informer's output. Runs on the watch loop, so it must be quick and never block (kubernetes-api B.10).
/// </summary>
public interface IResourceEventHandler<T>
{
    /// <summary>
    /// A complete list (the initial one, or a relist after the watch could not resume) turned into changes:
    /// Added/Modified for every listed object, and a synthetic Deleted for every held key the list no longer has
    /// (kubernetes-api B.7). A synthetic Deleted is marked <see cref="ResourceEvent{T}.IsTombstone"/> and carries the key
    /// and the UID only (for a pod, metadata with name, namespace and uid; spec and status null), since the reflector
    /// keeps no more; the handler deletes the state it holds for that UID. Applied as one store change (pod-model M-30).
    /// </summary>
    void OnList(IReadOnlyList<ResourceEvent<T>> changes, bool initial);

    /// <summary>
    /// One watch event. A DELETED event carries the server's last state; a new UID under a held key arrives as a
    /// tombstone Deleted of the old UID (as for <see cref="OnList"/>), then an Added.
    /// </summary>
    void OnEvent(ResourceEvent<T> change);
}
