using k8s.Models;
using PodExport.Cluster.Workloads;

namespace PodExport.Cluster.Informers;

/// <summary>
/// All reflectors of the gateway: the seven owner kinds and pods, cluster-wide or one per namespace and kind
/// (<c>Cluster:Namespaces</c>). Owners start first; pods start only after every owner reflector has applied its
/// initial list, so the first pod view has resolved owners (pod-model M-2).
/// </summary>
public sealed class InformerSet
{
    private readonly ReflectorContext _context;
    private readonly List<Reflector<OwnerObject>> _owners = [];
    private readonly List<Reflector<V1Pod>> _pods = [];
    private readonly string[] _kinds;

    public InformerSet(
        ReflectorContext context,
        IResourceEventHandler<V1Pod> podHandler,
        IResourceEventHandler<OwnerObject> ownerHandler,
        IReadOnlyCollection<string>? namespaces = null,
        IReadOnlyList<ResourceDefinition<OwnerObject>>? ownerKinds = null)
        : this(context, podHandler, _ => ownerHandler, namespaces, ownerKinds)
    {
    }

    /// <param name="context">What the reflectors share.</param>
    /// <param name="podHandler">Receives pod changes.</param>
    /// <param name="ownerHandlerForKind">
    /// The owner handler for each kind (called once per kind), so that the receiver can tell which kind an initial
    /// list, even an empty one, belongs to.
    /// </param>
    /// <param name="namespaces">Watch only these namespaces (one reflector per namespace and kind); empty = all.</param>
    /// <param name="ownerKinds">The owner kinds to watch; <see cref="ResourceDefinitions.Owners"/> by default.</param>
    public InformerSet(
        ReflectorContext context,
        IResourceEventHandler<V1Pod> podHandler,
        Func<string, IResourceEventHandler<OwnerObject>> ownerHandlerForKind,
        IReadOnlyCollection<string>? namespaces = null,
        IReadOnlyList<ResourceDefinition<OwnerObject>>? ownerKinds = null)
    {
        _context = context;
        IReadOnlyCollection<string?> scopes = namespaces is { Count: > 0 } ? [.. namespaces.Distinct(StringComparer.Ordinal)] : [null];
        foreach (var definition in ownerKinds ?? ResourceDefinitions.Owners)
        {
            var ownerHandler = ownerHandlerForKind(definition.Kind);
            foreach (var scope in scopes)
            {
                _owners.Add(new Reflector<OwnerObject>(definition, scope, ownerHandler, context));
            }
        }

        foreach (var scope in scopes)
        {
            _pods.Add(new Reflector<V1Pod>(ResourceDefinitions.Pods, scope, podHandler, context));
        }

        OwnersSynced = Task.WhenAll(_owners.Select(r => r.Synced));
        Synced = Task.WhenAll(OwnersSynced, Task.WhenAll(_pods.Select(r => r.Synced)));
        _kinds = [.. _owners.Select(r => r.Kind).Concat(_pods.Select(r => r.Kind)).Distinct(StringComparer.Ordinal)];
        context.Metrics.ObserveStatus(GetStatus);
    }

    /// <summary>Every watched kind, owners first.</summary>
    public IReadOnlyList<string> Kinds => _kinds;

    /// <summary>Completes when every owner reflector has applied its initial list.</summary>
    public Task OwnersSynced { get; }

    /// <summary>Completes when every reflector has applied its initial list (gates <c>/readyz</c>, kubernetes-api B.9).</summary>
    public Task Synced { get; }

    public bool IsSynced => Synced.IsCompletedSuccessfully;

    internal IReadOnlyList<Reflector<OwnerObject>> OwnerReflectors => _owners;

    internal IReadOnlyList<Reflector<V1Pod>> PodReflectors => _pods;

    /// <summary>Runs every reflector until cancelled.</summary>
    public Task RunAsync(CancellationToken cancellationToken)
    {
        Log.Starting(_context.Logger, _pods.Count == 1 && _pods[0].Namespace is null ? "all namespaces" : string.Join(", ", _pods.Select(p => p.Namespace)));
        var loops = new List<Task>();
        loops.AddRange(_owners.Select(r => Guard(r.Kind, r.Namespace, r.RunAsync(Task.CompletedTask, cancellationToken))));
        loops.AddRange(_pods.Select(r => Guard(r.Kind, r.Namespace, r.RunAsync(OwnersSynced, cancellationToken))));
        loops.AddRange(_kinds.Select(kind => ReportSyncedAsync(kind, cancellationToken)));
        loops.Add(ReportAllSyncedAsync(cancellationToken));
        return Task.WhenAll(loops);
    }

    /// <summary>Synced and connection state per kind; degraded after <c>Informer:DegradedAfterSeconds</c> (S-13).</summary>
    public IReadOnlyList<KindStatus> GetStatus()
    {
        var now = _context.Time.GetUtcNow();
        var threshold = TimeSpan.FromSeconds(_context.Options.DegradedAfterSeconds);
        var result = new KindStatus[_kinds.Length];
        for (var i = 0; i < _kinds.Length; i++)
        {
            var kind = _kinds[i];
            var synced = true;
            DateTimeOffset? since = null;
            foreach (var (reflectorKind, isSynced, disconnected) in States())
            {
                if (reflectorKind != kind)
                {
                    continue;
                }

                synced &= isSynced;
                if (disconnected is { } d && (since is null || d < since))
                {
                    since = d;
                }
            }

            result[i] = new KindStatus(kind, synced, since, since is { } s && now - s > threshold);
        }

        return result;
    }

    private IEnumerable<(string Kind, bool Synced, DateTimeOffset? DisconnectedSince)> States() =>
        _owners.Select(r => (r.Kind, r.IsSynced, r.DisconnectedSince))
            .Concat(_pods.Select(r => (r.Kind, r.IsSynced, r.DisconnectedSince)));

    private async Task Guard(string kind, string? @namespace, Task loop)
    {
        try
        {
            await loop;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The loops catch everything they can recover from; reaching here is a bug worth a loud line.
            Log.ReflectorCrashed(_context.Logger, kind, @namespace is null ? "" : $" in namespace {@namespace}", ex);
            throw;
        }
    }

    private async Task ReportSyncedAsync(string kind, CancellationToken ct)
    {
        var tasks = _owners.Where(r => r.Kind == kind).Select(r => r.Synced)
            .Concat(_pods.Where(r => r.Kind == kind).Select(r => r.Synced));
        try
        {
            await Task.WhenAll(tasks).WaitAsync(ct);
            Log.KindSynced(_context.Logger, kind);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task ReportAllSyncedAsync(CancellationToken ct)
    {
        try
        {
            await Synced.WaitAsync(ct);
            Log.AllSynced(_context.Logger, _kinds.Length);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }
}
