namespace PodExport.Cluster.Informers;

/// <summary>
/// The list/watch loop for one kind (in one namespace, or all): kubernetes-api part B. It holds each object's key and
/// UID (not the object), feeds every change to its handler, and reports whether it has synced and whether it is connected.
/// </summary>
public sealed partial class Reflector<T>
    where T : class
{
    private readonly ResourceDefinition<T> _definition;
    private readonly IResourceEventHandler<T> _handler;
    private readonly ReflectorContext _context;
    private readonly Backoff _backoff;
    private readonly string _scope;
    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _stateLock = new();
    private Dictionary<ObjectKey, string> _held = [];
    private string? _lastSyncResourceVersion;
    private DateTimeOffset? _disconnectedSince;
    private long? _internalErrorsSince;

    public Reflector(ResourceDefinition<T> definition, string? @namespace, IResourceEventHandler<T> handler, ReflectorContext context)
    {
        _definition = definition;
        Namespace = string.IsNullOrEmpty(@namespace) ? null : @namespace;
        _handler = handler;
        _context = context;
        _backoff = new Backoff(context.Backoff, context.Time, context.Random);
        _scope = Namespace is null ? "" : $" in namespace {Namespace}";
    }

    private enum Next
    {
        List,
        Watch,
    }

    public string Kind => _definition.Kind;

    /// <summary>The namespace this reflector watches; null for all namespaces.</summary>
    public string? Namespace { get; }

    /// <summary>Completes when the first list has been applied (kubernetes-api B.9).</summary>
    public Task Synced => _synced.Task;

    public bool IsSynced => _synced.Task.IsCompleted;

    /// <summary>The resourceVersion the next watch or relist starts from.</summary>
    public string? LastSyncResourceVersion => Volatile.Read(ref _lastSyncResourceVersion);

    /// <summary>When the current disconnection started; null while connected (service.md S-13).</summary>
    public DateTimeOffset? DisconnectedSince
    {
        get
        {
            lock (_stateLock)
            {
                return _disconnectedSince;
            }
        }
    }

    /// <summary>
    /// Runs until <paramref name="cancellationToken"/> is cancelled. Waits for <paramref name="startAfter"/> first: pods
    /// start after the owners' initial lists (pod-model M-2).
    /// </summary>
    public async Task RunAsync(Task startAfter, CancellationToken cancellationToken)
    {
        try
        {
            await startAfter.WaitAsync(cancellationToken);
            await LoopAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutdown.
        }
    }

    private async Task LoopAsync(CancellationToken ct)
    {
        var next = Next.List;
        var listReason = "initial";
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            if (next == Next.List)
            {
                try
                {
                    await ListAsync(listReason, ct);
                    next = Next.Watch;
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    throw;
                }
                catch (HandlerException ex)
                {
                    var delay = _backoff.Next();
                    Log.HandlerFailed(_context.Logger, Kind, _scope, delay, ex.InnerException ?? ex);
                    await WaitAsync(delay, "handler", ct);
                    listReason = "error";
                }
                catch (Exception ex)
                {
                    MarkDisconnected(null);
                    var failure = ApiFailure.From(ex);
                    var delay = Longer(_backoff.Next(), failure.RetryAfter);
                    Log.ListFailed(_context.Logger, Kind, _scope, failure.Describe(), delay, ex);
                    await WaitAsync(delay, "list", ct);
                }

                continue;
            }

            WatchResult result;
            try
            {
                result = await WatchAsync(ct);
            }
            catch (HandlerException ex)
            {
                var delay = _backoff.Next();
                Log.HandlerFailed(_context.Logger, Kind, _scope, delay, ex.InnerException ?? ex);
                await WaitAsync(delay, "handler", ct);
                (next, listReason) = (Next.List, "error");
                continue;
            }

            (next, listReason) = await AfterWatchAsync(result, listReason, ct);
        }
    }

    private void MarkConnected()
    {
        lock (_stateLock)
        {
            _disconnectedSince = null;
        }
    }

    private void MarkDisconnected(DateTimeOffset? since)
    {
        lock (_stateLock)
        {
            _disconnectedSince ??= since ?? _context.Time.GetUtcNow();
        }
    }

    private Task WaitAsync(TimeSpan delay, string why, CancellationToken ct)
    {
        // The timer exists before anyone hears of the wait, so a test that then moves a fake clock cannot miss it.
        var wait = Task.Delay(delay, _context.Time, ct);
        _context.Observer?.Invoke(new ReflectorSignal(Kind, Namespace, ReflectorStep.Waiting, why, delay));
        return wait;
    }

    private void Signal(ReflectorStep step, string detail) =>
        _context.Observer?.Invoke(new ReflectorSignal(Kind, Namespace, step, detail));

    private static TimeSpan Longer(TimeSpan delay, TimeSpan? retryAfter) =>
        retryAfter is { } minimum && minimum > delay ? minimum : delay;
}
