using k8s;

namespace PodExport.Cluster.Informers;

/// <summary>
/// One yielded watch event, projected. <see cref="Object"/> is null for bookmarks and for ERROR events that carry
/// something other than a Status (those are the only two shapes without a usable object).
/// </summary>
public readonly record struct WatchItem<T>(WatchEventType Type, string? ResourceVersion, T? Object)
    where T : class;
