using PodExport.Model.Records;

namespace PodExport.Cluster.Informers;

/// <summary>
/// The degraded rule of service.md S-13, read from the informer set each time it is asked. Under DI the set is
/// looked up only once the informers have started, so the export endpoint can take this at map time without
/// creating the Kubernetes client before the host starts; until then nothing is degraded (and nothing is synced).
/// </summary>
public sealed class InformerHealth : IClusterHealth
{
    private readonly Func<InformerSet?> _informers;

    public InformerHealth(InformerSet informers)
        : this(() => informers)
    {
    }

    internal InformerHealth(Func<InformerSet?> informers) => _informers = informers;

    public IReadOnlyList<string> DegradedKinds
    {
        get
        {
            List<string>? degraded = null;
            foreach (var status in _informers()?.GetStatus() ?? [])
            {
                if (status.Degraded)
                {
                    (degraded ??= []).Add(status.Kind);
                }
            }

            return degraded ?? (IReadOnlyList<string>)[];
        }
    }

    /// <summary>True once every kind has applied its first list (gates <c>/readyz</c>).</summary>
    public bool IsSynced => _informers()?.IsSynced ?? false;
}
