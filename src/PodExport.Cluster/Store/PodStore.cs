using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PodExport.Cluster.Identity;
using PodExport.Cluster.Informers;
using PodExport.Cluster.Pods;
using PodExport.Cluster.Workloads;
using PodExport.Model.Records;

namespace PodExport.Cluster.Store;

/// <summary>
/// The cluster's pods in memory (pod-model §6 to §10): receives the informers' pod and owner events, keeps each
/// pod's state and record by UID, gives each retained deleted pod a memory-cache entry (whose expiration retires
/// it), and hands out consistent, ordered, point-in-time snapshots. Every change — one event or one whole list — is applied under one
/// lock and becomes visible at once (M-30); handlers never wait for anything but that lock.
/// </summary>
public sealed partial class PodStore : IPodSnapshotSource, IDisposable
{
    /// <summary>Retention sweep period; M-26 (2) wants one at least once a minute.</summary>
    public static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(30);

    // How long a snapshot waits for a change in progress before it settles for the last committed view.
    private static readonly TimeSpan SnapshotLockWait = TimeSpan.FromMilliseconds(5);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, PodState> _pods = new(StringComparer.Ordinal);
    private readonly MemoryCache _cache;
    private readonly WorkloadGraph _graph = new();
    private readonly OrderedPodIndex _index = new();
    private readonly PodConverter _converter;
    private readonly PodPipeline _pipeline;
    private readonly ClusterIdentity _identity;
    private readonly StoreOptions _options;
    private readonly StoreMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger<PodStore> _logger;
    private readonly HashSet<string> _expectedOwnerKinds;
    private readonly HashSet<string> _syncedOwnerKinds = new(StringComparer.Ordinal);
    private readonly ITimer _sweep;
    private volatile PublishedView _view = PublishedView.Empty;
    private bool _podsListed;
    private bool _disposed;
    private volatile bool _synced;
    private long _liveCount;
    private long _heldInstances;

    public PodStore(
        IOptions<StoreOptions> options,
        ClusterIdentity identity,
        StoreMetrics metrics,
        TimeProvider time,
        ILogger<PodStore> logger)
    {
        _options = options.Value;
        _identity = identity;
        _metrics = metrics;
        _time = time;
        _logger = logger;
        // One set of shared values for the converter and the records it feeds; both run under the lock only.
        var shared = new SharedPodValues();
        _converter = new PodConverter(_options.IncludeInitContainers, _options.IncludeEphemeralContainers, shared);
        _pipeline = new PodPipeline(_options.TerminatedInstancesPerContainer, identity, shared);
        _expectedOwnerKinds = new HashSet<string>(WorkloadGraph.WatchedKinds, StringComparer.Ordinal);

        // A cache of our own: its clock must be the injected one, and a shared cache might carry a SizeLimit,
        // which would make it refuse retained pods (ARCHITECTURE.md: bounded by the caps, not by a cache size). Live
        // pods need no expiry, so they live in the dictionary only: a cache entry per pod would cost more than many a
        // pod's whole state.
        _cache = new MemoryCache(new MemoryCacheOptions { Clock = new TimeProviderClock(time) });
        _sweep = time.CreateTimer(static state => ((PodStore)state!).Sweep(), this, SweepInterval, SweepInterval);
        _metrics.SetHeld(0, 0, 0);
    }

    /// <summary>True once the pods' initial list and every expected owner kind's initial list were applied (M-2).</summary>
    public bool IsSynced => _synced;

    /// <summary>Live (not deleted) pods held.</summary>
    public long LivePodCount => Interlocked.Read(ref _liveCount);

    /// <summary>Retained deleted pods held.</summary>
    public int RetainedPodCount
    {
        get
        {
            lock (_gate)
            {
                return _retained.Count;
            }
        }
    }

    /// <summary>
    /// Which owner kinds must report their initial list before the store counts as synced; by default every kind of
    /// <see cref="WorkloadGraph.WatchedKinds"/>. Call before the informers start when watching fewer kinds.
    /// </summary>
    public void ExpectOwnerKinds(IEnumerable<string> kinds)
    {
        lock (_gate)
        {
            _expectedOwnerKinds.Clear();
            _expectedOwnerKinds.UnionWith(kinds);
            UpdateSynced();
        }
    }

    /// <summary>Records that the informer of <paramref name="kind"/> has applied its initial list.</summary>
    public void MarkOwnerKindSynced(string kind)
    {
        lock (_gate)
        {
            _syncedOwnerKinds.Add(kind);
            UpdateSynced();
        }
    }

    /// <summary>The owner handler for one kind: forwards to this store and marks the kind synced after its initial list.</summary>
    public IResourceEventHandler<OwnerObject> ForOwnerKind(string kind) => new OwnerKindHandler(this, kind);

    /// <summary>
    /// A consistent, ordered view at the current time; retained pods whose retention has run out by then are left
    /// out (M-26 (2)). While a long change (a large relist) holds the store, the view is the last committed state
    /// instead of waiting for it.
    /// </summary>
    public PodSnapshot TakeSnapshot()
    {
        if (_gate.TryEnter(SnapshotLockWait))
        {
            try
            {
                var now = _time.GetUtcNow();
                RetireExpired(now);
                Commit();
                return new PodSnapshot(now, PublishView().Pods);
            }
            finally
            {
                _gate.Exit();
            }
        }

        return _view.At(_time.GetUtcNow(), _options.DeletedPodRetention);
    }

    /// <summary>The state the store holds for one pod UID, or null.</summary>
    public PodState? Find(string uid)
    {
        lock (_gate)
        {
            return TryGetState(uid);
        }
    }

    public void Dispose()
    {
        _sweep.Dispose();
        lock (_gate)
        {
            _disposed = true;
            _cache.Dispose();
        }
    }

    private void Sweep()
    {
        try
        {
            lock (_gate)
            {
                if (_disposed)
                {
                    return;
                }

                RetireExpired(_time.GetUtcNow());
                Commit();
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A timer callback that throws would end the process; the next sweep tries again.
            Log.SweepFailed(_logger, ex);
        }
    }

    private void UpdateSynced()
    {
        if (!_synced && _podsListed && _expectedOwnerKinds.IsSubsetOf(_syncedOwnerKinds))
        {
            _synced = true;
            Log.Synced(_logger, _index.Count, _graph.OwnerCount);
        }
    }

    /// <summary>
    /// Makes the committed state the view that snapshots fall back to. Called by every snapshot and before every
    /// list, so a snapshot that does not wait for a list in progress gets the state just before it.
    /// </summary>
    private PublishedView PublishView()
    {
        var pods = _index.Publish();
        if (!ReferenceEquals(pods, _view.Pods) || _retentionOrder.Count > 0)
        {
            _view = new PublishedView(pods, _retentionOrder.Min is { } oldest ? oldest.DeletedAt + _options.DeletedPodRetention : DateTimeOffset.MaxValue);
        }

        return _view;
    }

    /// <summary>Ends one store change: publishes the staged order changes and the counts.</summary>
    private void Commit()
    {
        _index.Commit();
        _metrics.SetHeld(Interlocked.Read(ref _liveCount), _retained.Count, _heldInstances);
    }

    private PodState? TryGetState(string uid)
    {
        if (!_pods.TryGetValue(uid, out var state))
        {
            return null;
        }

        if (state.Deleted && !_cache.TryGetValue(new PodCacheKey(uid), out _))
        {
            // The cache noticed the expiry before the sweep did.
            if (_retained.TryGetValue(uid, out var retained))
            {
                Retire(retained, DropReason.RetentionExpired);
            }

            return null;
        }

        return state;
    }

    private void SetState(PodState? before, PodState after)
    {
        _heldInstances += after.HeldInstances - (before?.HeldInstances ?? 0);
        _pods[after.Uid] = after;
        _index.Stage(after.Uid, before?.Record, after.Record);
    }

    private void RemoveState(PodState state)
    {
        _heldInstances -= state.HeldInstances;
        _pods.Remove(state.Uid);
        _index.Stage(state.Uid, state.Record, null);
    }
}
