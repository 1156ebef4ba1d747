namespace PodExport.Cluster.Informers;

/// <summary>
/// Turns a complete list into changes against what the reflector holds (kubernetes-api B.7): update or add every
/// listed object; a new UID under a held key is a delete of the old object, then an add; a held key the list lacks
/// gets a synthetic delete (client-go DeletedFinalStateUnknown). The reflector holds only keys and UIDs, so a synthetic
/// delete carries a tombstone (key and UID); the handler has the last state itself.
/// </summary>
internal static class RelistDiff
{
    public static RelistResult<T> Compute<T>(
        IReadOnlyDictionary<ObjectKey, string> held,
        IReadOnlyList<T> listed,
        Func<T, ObjectIdentity> identify,
        Func<ObjectKey, string, T> tombstone)
    {
        var next = new Dictionary<ObjectKey, string>(listed.Count);
        var changes = new List<ResourceEvent<T>>(listed.Count + 4);
        int added = 0, modified = 0, deleted = 0;
        foreach (var item in listed)
        {
            var id = identify(item);
            held.TryGetValue(id.Key, out var heldUid);
            var type = HeldObjects.Arrival(heldUid, id.Uid, announcedAsAdded: false, out var replacedUid);
            if (replacedUid is not null)
            {
                changes.Add(new(ResourceEventType.Deleted, tombstone(id.Key, replacedUid), IsTombstone: true));
                deleted++;
            }

            changes.Add(new(type, item));
            if (type == ResourceEventType.Added)
            {
                added++;
            }
            else
            {
                modified++;
            }

            next[HeldObjects.Shared(id.Key)] = id.Uid;
        }

        foreach (var (key, uid) in held)
        {
            if (!next.ContainsKey(key))
            {
                changes.Add(new(ResourceEventType.Deleted, tombstone(key, uid), IsTombstone: true));
                deleted++;
            }
        }

        return new RelistResult<T>(next, changes, added, modified, deleted);
    }
}
