namespace PodExport.Simulator.Api;

/// <summary>A point-in-time view of one active watch.</summary>
public sealed record WatcherInfo(
    long Id,
    string Kind,
    string? Namespace,
    string Path,
    string Query,
    string RequestedResourceVersion,
    bool AllowBookmarks,
    string? LabelSelector,
    string? FieldSelector,
    DateTimeOffset StartedAt,
    int EventsSent,
    int BookmarksSent,
    long LastSentResourceVersion)
{
    /// <summary>The requested RV as a number (0 when unset or "0").</summary>
    public long RequestedResourceVersionNumber =>
        long.TryParse(RequestedResourceVersion, System.Globalization.CultureInfo.InvariantCulture, out var rv) ? rv : 0;
}
