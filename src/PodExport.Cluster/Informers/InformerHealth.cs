using PodExport.Model.Records;

namespace PodExport.Cluster.Informers;

/// <summary>The degraded rule of service.md S-13, read from the informer set each time it is asked.</summary>
public sealed class InformerHealth(InformerSet informers) : IClusterHealth
{
    public IReadOnlyList<string> DegradedKinds
    {
        get
        {
            List<string>? degraded = null;
            foreach (var status in informers.GetStatus())
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
    public bool IsSynced => informers.IsSynced;
}
