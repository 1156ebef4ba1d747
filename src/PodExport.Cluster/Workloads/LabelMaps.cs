namespace PodExport.Cluster.Workloads;

/// <summary>Label dictionaries as the pipeline keeps them: copied once, compared by content.</summary>
public static class LabelMaps
{
    public static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>(0, StringComparer.Ordinal);

    /// <summary>A private copy, so a later change of the Kubernetes object cannot reach a published record.</summary>
    public static IReadOnlyDictionary<string, string> Copy(IEnumerable<KeyValuePair<string, string>>? labels)
    {
        if (labels is null)
        {
            return Empty;
        }

        var copy = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in labels)
        {
            copy[key] = value ?? "";
        }

        return copy.Count == 0 ? Empty : copy;
    }

    public static bool Equal(IReadOnlyDictionary<string, string> left, IReadOnlyDictionary<string, string> right)
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }

        if (left.Count != right.Count)
        {
            return false;
        }

        foreach (var (key, value) in left)
        {
            if (!right.TryGetValue(key, out var other) || !string.Equals(value, other, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
