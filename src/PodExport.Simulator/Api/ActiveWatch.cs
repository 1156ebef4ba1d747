using PodExport.Simulator.State;

namespace PodExport.Simulator.Api;

/// <summary>The registry's handle on one running watch: progress counters and the signals that wake its loop.</summary>
internal sealed class ActiveWatch
{
    private readonly Lock _lock = new();
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ActiveWatch(long id, ResourceKind kind, string? @namespace, string path, string query, ListQuery parameters, DateTimeOffset startedAt)
    {
        Id = id;
        Kind = kind;
        Namespace = @namespace;
        Path = path;
        Query = query;
        Parameters = parameters;
        StartedAt = startedAt;
    }

    public long Id { get; }

    public ResourceKind Kind { get; }

    public string? Namespace { get; }

    public string Path { get; }

    public string Query { get; }

    public ListQuery Parameters { get; }

    public DateTimeOffset StartedAt { get; }

    public int EventsSent { get; set; }

    public int BookmarksSent { get; set; }

    public long LastSentResourceVersion { get; set; }

    /// <summary>Set by <c>CloseWatchers</c>: end the stream cleanly.</summary>
    public bool CloseRequested { get; private set; }

    /// <summary>Set when the listener stops: reset the connection.</summary>
    public bool AbortRequested { get; private set; }

    /// <summary>A bookmark requested out of band; 0 means "at the current position".</summary>
    public long? PendingBookmark { get; set; }

    public Task WakeTask
    {
        get
        {
            lock (_lock)
            {
                return _wake.Task;
            }
        }
    }

    public void Wake()
    {
        TaskCompletionSource wake;
        lock (_lock)
        {
            wake = _wake;
            _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        wake.TrySetResult();
    }

    public void RequestClose()
    {
        CloseRequested = true;
        Wake();
    }

    public void RequestAbort()
    {
        AbortRequested = true;
        Wake();
    }

    public WatcherInfo ToInfo() => new(Id, Kind.Kind, Namespace, Path, Query, Parameters.ResourceVersion,
        Parameters.AllowWatchBookmarks, Parameters.LabelSelector, Parameters.FieldSelector, StartedAt, EventsSent,
        BookmarksSent, LastSentResourceVersion);
}
