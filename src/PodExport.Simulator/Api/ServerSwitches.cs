namespace PodExport.Simulator.Api;

/// <summary>How the bookmark object is shaped on the wire.</summary>
public enum BookmarkShape
{
    /// <summary>Only <c>kind</c>, <c>apiVersion</c> and <c>metadata.resourceVersion</c> (plus annotations).</summary>
    Minimal,

    /// <summary>The Go zero value kube-apiserver really sends (<c>"creationTimestamp":null</c>, …; java#4160).</summary>
    ZeroValue,
}

/// <summary>Behaviour switches of the API server, changeable at run time (kubernetes-api D.1 items 13, 18, 19, 20).</summary>
public sealed class ServerSwitches
{
    /// <summary>Bookmark interval for watches that asked for bookmarks (virtual time).</summary>
    public TimeSpan BookmarkInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Never send bookmarks, even when asked (they are never guaranteed).</summary>
    public bool SuppressBookmarks { get; set; }

    public BookmarkShape BookmarkShape { get; set; } = BookmarkShape.ZeroValue;

    /// <summary>Watch timeout when the request has no <c>timeoutSeconds</c>; null draws uniform 1800–3600 s.</summary>
    public TimeSpan? DefaultWatchTimeout { get; set; }

    /// <summary>Serve RV="0" lists whole, ignoring <c>limit</c>, as the watch cache does.</summary>
    public bool IgnoreLimitAtResourceVersionZero { get; set; }

    /// <summary>When false, <c>sendInitialEvents</c> is refused with 422 (the WatchList gate off, as in 1.33).</summary>
    public bool WatchListEnabled { get; set; } = true;

    /// <summary>How long a list or watch at a future RV waits before 504 TooLarge.</summary>
    public TimeSpan TooLargeWait { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>When set, every request without <c>Authorization: Bearer</c> this token gets 401 (D.1 item 30).</summary>
    public string? RequiredBearerToken { get; set; }
}
