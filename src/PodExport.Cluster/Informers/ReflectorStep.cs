namespace PodExport.Cluster.Informers;

/// <summary>The steps of a reflector loop the test observer hears about.</summary>
internal enum ReflectorStep
{
    ListApplied,
    WatchStarted,
    WatchEnded,
    Waiting,
}
