using k8s.Models;
using PodExport.Cluster.Workloads;
using PodExport.Model.Records;

namespace PodExport.Cluster.Pods;

/// <summary>
/// The values many pods repeat, each held once: strings such as images, digests, container names, reasons and label
/// keys and values; whole label maps (every pod of a ReplicaSet carries the same labels); owner references. Not
/// thread-safe: one converter, used under the store's lock.
/// </summary>
public sealed class SharedPodValues : IStringArrayPool
{
    // Large enough that the values of every workload stay shared while a whole list streams through, small enough
    // that what churn leaves behind (unique label values, old image tags) stays a few megabytes.
    private const int StringGeneration = 16 * 1024;
    private const int MapGeneration = 4 * 1024;
    private const int ReferenceGeneration = 4 * 1024;

    private readonly InternPool<string> _strings = new(StringComparer.Ordinal, StringGeneration);
    private readonly InternPool<IReadOnlyDictionary<string, string>> _labels = new(LabelMaps.ContentComparer, MapGeneration);
    private readonly InternPool<IReadOnlyList<V1OwnerReference>> _references = new(OwnerReferenceListComparer.Instance, ReferenceGeneration);
    private readonly InternPool<string[]> _arrays = new(StringArrayComparer.Instance, MapGeneration);

    /// <summary>The shared instance of a string; <c>""</c> for null.</summary>
    public string String(string? value) => string.IsNullOrEmpty(value) ? "" : _strings.Intern(value);

    /// <summary>
    /// The shared instance of a string array (container names, digests, reasons, images), whose strings are shared
    /// too; the same empty array for any empty one. The array passed in is never kept or written.
    /// </summary>
    public string[] Share(string[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.Length == 0 ? [] : _arrays.Intern(values, source => Array.ConvertAll(source, String));
    }

    /// <summary>A shared, private (never the Kubernetes object's) copy of a label map.</summary>
    public IReadOnlyDictionary<string, string> Labels(IDictionary<string, string>? labels)
    {
        if (labels is null)
        {
            return LabelMaps.Empty;
        }

        return _labels.Intern(labels as IReadOnlyDictionary<string, string> ?? new Dictionary<string, string>(labels), Copy);

        IReadOnlyDictionary<string, string> Copy(IReadOnlyDictionary<string, string> source)
        {
            var copy = new Dictionary<string, string>(source.Count, StringComparer.Ordinal);
            foreach (var (key, value) in source)
            {
                copy[String(key)] = String(value);
            }

            return copy.Count == 0 ? LabelMaps.Empty : copy;
        }
    }

    /// <summary>
    /// The one reference owner resolution follows (M-7) as a shared list, or an empty list: the other references
    /// never change a resolution, so a pod need not keep them.
    /// </summary>
    public IReadOnlyList<V1OwnerReference> TrackedReference(IList<V1OwnerReference>? references)
    {
        if (OwnerReferenceRules.SelectTracked(references) is not { } tracked)
        {
            return [];
        }

        return _references.Intern([tracked], source => [Copy(source[0])]);

        V1OwnerReference Copy(V1OwnerReference reference) => new()
        {
            ApiVersion = String(reference.ApiVersion),
            Kind = String(reference.Kind),
            Name = String(reference.Name),
            Uid = String(reference.Uid),
            Controller = reference.Controller,
            BlockOwnerDeletion = reference.BlockOwnerDeletion,
        };
    }

    private sealed class OwnerReferenceListComparer : IEqualityComparer<IReadOnlyList<V1OwnerReference>>
    {
        public static readonly OwnerReferenceListComparer Instance = new();

        public bool Equals(IReadOnlyList<V1OwnerReference>? x, IReadOnlyList<V1OwnerReference>? y)
        {
            if (ReferenceEquals(x, y))
            {
                return true;
            }

            if (x is null || y is null || x.Count != y.Count)
            {
                return false;
            }

            for (var i = 0; i < x.Count; i++)
            {
                var (a, b) = (x[i], y[i]);
                if (a.Uid != b.Uid || a.Name != b.Name || a.Kind != b.Kind || a.ApiVersion != b.ApiVersion
                    || a.Controller != b.Controller || a.BlockOwnerDeletion != b.BlockOwnerDeletion)
                {
                    return false;
                }
            }

            return true;
        }

        public int GetHashCode(IReadOnlyList<V1OwnerReference> obj)
        {
            var hash = new HashCode();
            foreach (var reference in obj)
            {
                hash.Add(reference.Uid, StringComparer.Ordinal);
                hash.Add(reference.Name, StringComparer.Ordinal);
            }

            return hash.ToHashCode();
        }
    }

    private sealed class StringArrayComparer : IEqualityComparer<string[]>
    {
        public static readonly StringArrayComparer Instance = new();

        public bool Equals(string[]? x, string[]? y) =>
            ReferenceEquals(x, y) || (x is not null && y is not null && x.AsSpan().SequenceEqual(y));

        public int GetHashCode(string[] obj)
        {
            var hash = new HashCode();
            foreach (var value in obj)
            {
                hash.Add(value, StringComparer.Ordinal);
            }

            return hash.ToHashCode();
        }
    }
}
