using System.Diagnostics.CodeAnalysis;
using PodExport.Model.Records;
using PodExport.Query;

namespace PodExport.Server.Export;

/// <summary>
/// Walks one snapshot in export order (W-38) and hands out the pods an export writes: those in a namespace the
/// caller may see (W-41) that match the query. Checks the export's token before each step, so a disconnect,
/// deadline or drain stops the walk at once (W-31, W-35).
/// </summary>
/// <remarks>
/// The store's snapshot is an array sorted by namespace, so the walk goes by namespace runs: it finds each run's end
/// by a galloping binary search, decides once per run whether the caller may see the namespace and whether the
/// query's namespace-level pairs can match (<see cref="PodFilter.NamespaceCanMatch"/>), and skips a whole run that
/// cannot. Inside a run it scans with <see cref="PodFilter.IndexOfMatch"/>, which prefetches ahead, or, when the
/// query has nothing to check per pod, hands out every pod while prefetching their lines. Any other list is read
/// one pod at a time in order, as it may be lazy (the tests observe which pods the export reads).
/// </remarks>
internal sealed class ExportScan
{
    /// <summary>Pods a run scan examines between two checks of the token.</summary>
    private const int CheckInterval = 512;

    private readonly IReadOnlyList<PodRecord> _pods;
    private readonly PodRecord[]? _array;
    private readonly NamespaceScope _scope;
    private readonly PodFilter _filter;
    private int _next;
    private int _runEnd;
    private string? _namespace;
    private bool _namespacePasses;

    public ExportScan(IReadOnlyList<PodRecord> pods, NamespaceScope scope, PodFilter filter)
    {
        _pods = pods;
        _array = pods as PodRecord[];
        _scope = scope;
        _filter = filter;
    }

    /// <summary>Distinct namespaces visible to the caller among those the walk has reached, matching or not (S-16).</summary>
    public int VisibleNamespaces { get; private set; }

    /// <summary>The next pod to write, or false at the end of the snapshot.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public bool TryNext(CancellationToken cancellationToken, [NotNullWhen(true)] out PodRecord? pod) =>
        _array is null ? TryNextInList(cancellationToken, out pod) : TryNextInRuns(_array, cancellationToken, out pod);

    /// <summary>The end of the run of pods sharing <c>pods[start]</c>'s namespace, in a list sorted by namespace.</summary>
    internal static int RunEnd(PodRecord[] pods, int start)
    {
        var ns = pods[start].Namespace;

        // Gallop first, so that a run of a few pods costs a few probes whatever the size of the snapshot.
        var inside = start;
        var step = 1;
        var probe = start + 1;
        while (probe < pods.Length && SameNamespace(pods[probe], ns))
        {
            inside = probe;
            step *= 2;
            probe = start + step;
        }

        var lo = inside + 1;
        var hi = Math.Min(probe, pods.Length);
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (SameNamespace(pods[mid], ns))
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static bool SameNamespace(PodRecord pod, string ns) =>
        ReferenceEquals(pod.Namespace, ns) || string.Equals(pod.Namespace, ns, StringComparison.Ordinal);

    private bool TryNextInRuns(PodRecord[] pods, CancellationToken cancellationToken, [NotNullWhen(true)] out PodRecord? pod)
    {
        while (true)
        {
            // The end first: once the view is read to its end the export completes normally, even when the deadline
            // or drain came after its last line (W-35).
            if (_next >= pods.Length)
            {
                pod = null;
                return false;
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (_next >= _runEnd)
            {
                if (!EnterRun(pods))
                {
                    _next = _runEnd;
                    continue;
                }
            }

            if (!_filter.ChecksEachPod)
            {
                // Across the run's end too: with nothing to check per pod, the next run is usually written as well.
                LinePrefetch.Ahead(pods, _next);
                pod = pods[_next++];
                return true;
            }

            var stop = Math.Min(_runEnd, _next + CheckInterval);
            var found = _filter.IndexOfMatch(pods.AsSpan(0, _runEnd), _next, stop);
            if (found < stop)
            {
                // The pods after a match often match too (a namespace's deployments); a wasted prefetch costs little.
                LinePrefetch.Ahead(pods.AsSpan(0, _runEnd), found);
                _next = found + 1;
                pod = pods[found];
                return true;
            }

            _next = stop;
        }
    }

    /// <summary>Finds the end of the run starting at the next pod; true when the export may write from it.</summary>
    private bool EnterRun(PodRecord[] pods)
    {
        var first = pods[_next];
        _runEnd = RunEnd(pods, _next);
        var visible = _scope.Allows(first.Namespace);
        if (visible)
        {
            VisibleNamespaces++;
        }

        return visible && _filter.NamespaceCanMatch(first);
    }

    private bool TryNextInList(CancellationToken cancellationToken, [NotNullWhen(true)] out PodRecord? pod)
    {
        while (_next < _pods.Count)
        {
            // W-31: checked for every pod read.
            cancellationToken.ThrowIfCancellationRequested();
            var record = _pods[_next++];
            if (!string.Equals(record.Namespace, _namespace, StringComparison.Ordinal))
            {
                _namespace = record.Namespace;
                var visible = _scope.Allows(_namespace);
                if (visible)
                {
                    VisibleNamespaces++;
                }

                _namespacePasses = visible && _filter.NamespaceCanMatch(record);
            }

            if (_namespacePasses && (!_filter.ChecksEachPod || _filter.MatchesWithinNamespace(record)))
            {
                pod = record;
                return true;
            }
        }

        pod = null;
        return false;
    }
}
