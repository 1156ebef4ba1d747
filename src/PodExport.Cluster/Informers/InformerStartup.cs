namespace PodExport.Cluster.Informers;

/// <summary>The informer set once the hosted service has created it (after the start-up checks).</summary>
internal sealed class InformerStartup
{
    private volatile InformerSet? _informers;

    public InformerSet? Informers
    {
        get => _informers;
        set => _informers = value;
    }
}
