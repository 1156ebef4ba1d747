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

    /// <summary>Equality by content (ordinal keys and values), for sharing one map among pods with the same labels.</summary>
    public static IEqualityComparer<IReadOnlyDictionary<string, string>> ContentComparer { get; } = new ByContent();

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

    private sealed class ByContent : IEqualityComparer<IReadOnlyDictionary<string, string>>
    {
        public bool Equals(IReadOnlyDictionary<string, string>? x, IReadOnlyDictionary<string, string>? y) =>
            x is null || y is null ? ReferenceEquals(x, y) : Equal(x, y);

        public int GetHashCode(IReadOnlyDictionary<string, string> obj)
        {
            // Order-independent: two maps with the same entries enumerate them in different orders.
            var hash = obj.Count;
            foreach (var (key, value) in obj)
            {
                hash += HashCode.Combine(StringComparer.Ordinal.GetHashCode(key), value is null ? 0 : StringComparer.Ordinal.GetHashCode(value));
            }

            return hash;
        }
    }
}
