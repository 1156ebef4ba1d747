namespace PodExport.Cluster.Pods;

/// <summary>
/// Hands out one shared instance per distinct value (a string, a label map), so that the many pods that carry the same
/// image, label or owner reference hold it once. Generational, so it never pins what pods stopped using: a value not
/// asked for during two generations of <c>generationSize</c> new values is forgotten (and shared again from its next
/// use on). Not thread-safe: the pod store uses it under its lock.
/// </summary>
public sealed class InternPool<T>
    where T : class
{
    private readonly IEqualityComparer<T> _comparer;
    private readonly int _generationSize;
    private HashSet<T> _current;
    private HashSet<T> _previous;

    public InternPool(IEqualityComparer<T> comparer, int generationSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(generationSize, 1);
        _comparer = comparer;
        _generationSize = generationSize;
        _current = new HashSet<T>(comparer);
        _previous = new HashSet<T>(comparer);
    }

    /// <summary>Values the pool holds now (at most twice the generation size).</summary>
    public int Count => _current.Count + _previous.Count;

    /// <summary>The shared instance equal to <paramref name="value"/>; <paramref name="value"/> itself when it is the first.</summary>
    public T Intern(T value) => Intern(value, static value => value);

    /// <summary>
    /// The shared instance equal to <paramref name="probe"/>; when there is none, <paramref name="copy"/> of it becomes
    /// the shared instance (so a probe the caller does not own, such as a Kubernetes object's map, is never kept).
    /// </summary>
    public T Intern(T probe, Func<T, T> copy)
    {
        ArgumentNullException.ThrowIfNull(copy);
        if (_current.TryGetValue(probe, out var shared))
        {
            return shared;
        }

        var value = _previous.TryGetValue(probe, out shared) ? shared : copy(probe);

        if (_current.Count >= _generationSize)
        {
            _previous = _current;
            _current = new HashSet<T>(_comparer);
        }

        _current.Add(value);
        return value;
    }
}
