namespace PodExport.Cluster.Informers;

/// <summary>
/// Turns a complete list into changes against what the reflector holds (kubernetes-api B.7): update or add every
/// listed object; a new UID under a held key is a delete of the old object, then an add; a held key the list lacks
/// gets a synthetic delete carrying the last known state (client-go DeletedFinalStateUnknown).
/// </summary>
internal static class RelistDiff
{
    public static RelistResult<T> Compute<T>(IReadOnlyDictionary<ObjectKey, T> held, IReadOnlyList<T> listed, Func<T, ObjectIdentity> identify)
    {
        var next = new Dictionary<ObjectKey, T>(listed.Count);
        var changes = new List<ResourceEvent<T>>(listed.Count + 4);
        int added = 0, modified = 0, deleted = 0;
        foreach (var item in listed)
        {
            var id = identify(item);
            if (held.TryGetValue(id.Key, out var old))
            {
                if (string.Equals(identify(old).Uid, id.Uid, StringComparison.Ordinal))
                {
                    changes.Add(new(ResourceEventType.Modified, item));
                    modified++;
                }
                else
                {
                    changes.Add(new(ResourceEventType.Deleted, old));
                    changes.Add(new(ResourceEventType.Added, item));
                    deleted++;
                    added++;
                }
            }
            else
            {
                changes.Add(new(ResourceEventType.Added, item));
                added++;
            }

            next[id.Key] = item;
        }

        foreach (var (key, old) in held)
        {
            if (!next.ContainsKey(key))
            {
                changes.Add(new(ResourceEventType.Deleted, old));
                deleted++;
            }
        }

        return new RelistResult<T>(next, changes, added, modified, deleted);
    }
}
