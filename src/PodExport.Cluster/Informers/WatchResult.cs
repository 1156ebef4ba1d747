namespace PodExport.Cluster.Informers;

/// <summary>How one watch went: its ending, the failure behind it (if any), and what it delivered.</summary>
internal readonly record struct WatchResult(WatchEnding Ending, ApiFailure? Failure, int Events, TimeSpan Elapsed, DateTimeOffset LastLine, Exception? Exception);
