using PodExport.Model.Records;

namespace PodExport.Server.Auth;

/// <summary>
/// The namespaces of the current pod view, for the per-namespace access reviews (service.md S-9). The view is
/// ordered by namespace first (W-38), so one pass comparing neighbours finds them; the answer is kept for as long as
/// the source hands out the same pod list.
/// </summary>
public sealed class ViewNamespaces(IPodSnapshotSource source)
{
    private volatile Memo? _last;

    /// <summary>The distinct namespaces, ordinal order.</summary>
    public IReadOnlyList<string> Current()
    {
        var pods = source.TakeSnapshot().Pods;
        var last = _last;
        if (last is not null && ReferenceEquals(last.Pods, pods))
        {
            return last.Namespaces;
        }

        var namespaces = new List<string>();
        string? previous = null;
        for (var i = 0; i < pods.Count; i++)
        {
            var ns = pods[i].Namespace;
            if (!string.Equals(ns, previous, StringComparison.Ordinal))
            {
                namespaces.Add(ns);
                previous = ns;
            }
        }

        _last = new Memo(pods, namespaces);
        return namespaces;
    }

    private sealed record Memo(IReadOnlyList<PodRecord> Pods, IReadOnlyList<string> Namespaces);
}
