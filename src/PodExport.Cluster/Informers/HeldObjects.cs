using PodExport.Cluster.Pods;

namespace PodExport.Cluster.Informers;

/// <summary>
/// What a reflector remembers of each object it has passed on: its key and its UID, nothing more. That is all a relist
/// diff and a watch event need (kubernetes-api B.7); the handler keeps whatever state it wants from the events.
/// </summary>
internal static class HeldObjects
{
    // Shared by every reflector, whose loops run concurrently; bounded and generational, unlike string.Intern, so the
    // names of namespaces long gone (CI namespaces with random suffixes) are forgotten.
    private static readonly Lock NamespacesGate = new();
    private static readonly InternPool<string> Namespaces = new(StringComparer.Ordinal, generationSize: 4096);

    /// <summary>
    /// How an object arriving under a key relates to what was held there: nothing held is an add; the same UID is a
    /// modify (or an add, when the server announced it as one); another UID is a new object under a reused name, so
    /// the held one was deleted unseen: <paramref name="replacedUid"/> names it, to delete before adding this one.
    /// </summary>
    public static ResourceEventType Arrival(string? heldUid, string uid, bool announcedAsAdded, out string? replacedUid)
    {
        replacedUid = heldUid is not null && !string.Equals(heldUid, uid, StringComparison.Ordinal) ? heldUid : null;
        return heldUid is null || replacedUid is not null || announcedAsAdded ? ResourceEventType.Added : ResourceEventType.Modified;
    }

    /// <summary>
    /// The key as held: namespaces repeat across thousands of objects, so they share one string instead of keeping
    /// every decoded copy alive for as long as the object is held.
    /// </summary>
    public static ObjectKey Shared(ObjectKey key)
    {
        lock (NamespacesGate)
        {
            return key with { Namespace = Namespaces.Intern(key.Namespace) };
        }
    }
}
