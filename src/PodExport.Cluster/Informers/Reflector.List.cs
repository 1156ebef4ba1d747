using System.Diagnostics;

namespace PodExport.Cluster.Informers;

public sealed partial class Reflector<T>
{
    /// <summary>
    /// Lists and applies the result as one change (kubernetes-api B.4): the first list is paged at RV="0"; relists ask
    /// for "not older than lastSyncRV" without a limit, which cannot 410. A 410 or TooLarge answer retries at once at
    /// the newest RV.
    /// </summary>
    private async Task ListAsync(string reason, CancellationToken ct)
    {
        var initial = !_synced.Task.IsCompleted;
        var relistFrom = LastSyncResourceVersion;
        var (resourceVersion, limit) = initial || string.IsNullOrEmpty(relistFrom)
            ? ("0", (int?)_context.Options.PageSize)
            : (relistFrom, null);

        using var activity = InformerTelemetry.Source.StartActivity("informer.list");
        activity?.SetTag("k8s.resource.kind", Kind);
        activity?.SetTag("podexport.informer.reason", reason);
        if (Namespace is not null)
        {
            activity?.SetTag("k8s.namespace.name", Namespace);
        }

        try
        {
            var (items, listResourceVersion) = await ListAllAsync(resourceVersion, limit, ct);
            activity?.SetTag("podexport.informer.resource_version", listResourceVersion);
            activity?.SetTag("podexport.informer.items", items.Count);
            Apply(items, listResourceVersion, reason, initial);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            throw;
        }
    }

    private async Task<(IReadOnlyList<T> Items, string? ResourceVersion)> ListAllAsync(string resourceVersion, int? limit, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                Log.ListStarted(_context.Logger, Kind, _scope, resourceVersion == "0" ? "any" : resourceVersion.Length == 0 ? "newest" : "not older", resourceVersion, limit);
                return await ListPagesAsync(resourceVersion, limit, ct);
            }
            catch (Exception ex) when (resourceVersion.Length > 0 && ApiFailure.From(ex) is { } failure && (failure.IsExpired || failure.TooLarge))
            {
                Log.ListFresh(_context.Logger, Kind, _scope, resourceVersion, failure.Describe());
                resourceVersion = "";
                limit = _context.Options.PageSize;
            }
        }
    }

    private async Task<(IReadOnlyList<T> Items, string? ResourceVersion)> ListPagesAsync(string resourceVersion, int? limit, CancellationToken ct)
    {
        var client = _context.Client;
        var first = await _definition.ListAsync(client, new ListRequest(Namespace, resourceVersion, limit, null), ct);
        if (string.IsNullOrEmpty(first.Continue))
        {
            return (first.Items, first.ResourceVersion);
        }

        var items = new List<T>(first.Items);
        var continueToken = first.Continue;
        var page = 1;
        while (!string.IsNullOrEmpty(continueToken))
        {
            ListPage<T> next;
            try
            {
                // A continue token carries the snapshot RV; sending an RV as well is a 400 (kubernetes-api A.2).
                next = await _definition.ListAsync(client, new ListRequest(Namespace, null, limit, continueToken), ct);
            }
            catch (Exception ex) when (ApiFailure.From(ex).IsExpired)
            {
                // client-go pager: the snapshot is gone, so take everything in one unpaged answer.
                Log.ListUnpaged(_context.Logger, Kind, _scope, page + 1);
                var whole = await _definition.ListAsync(client, new ListRequest(Namespace, resourceVersion, null, null), ct);
                return (whole.Items, whole.ResourceVersion);
            }

            items.AddRange(next.Items);
            continueToken = next.Continue;
            page++;
        }

        // Every page repeats page 1's RV; page 1's is the snapshot.
        return (items, first.ResourceVersion);
    }

    private void Apply(IReadOnlyList<T> listed, string? listResourceVersion, string reason, bool initial)
    {
        var diff = RelistDiff.Compute(_held, listed, _definition.Identify, _definition.Tombstone);
        MarkConnected();
        lock (_context.HandlerGate)
        {
            try
            {
                _handler.OnList(diff.Changes, initial);
            }
            catch (Exception ex)
            {
                throw new HandlerException($"{Kind} handler failed on a list", ex);
            }
        }

        _held = diff.Held;
        if (!string.IsNullOrEmpty(listResourceVersion))
        {
            Volatile.Write(ref _lastSyncResourceVersion, listResourceVersion);
        }

        _internalErrorsSince = null;
        _context.Metrics.Relist(Kind, reason);
        Log.ListApplied(_context.Logger, Kind, _scope, reason, listResourceVersion, diff.Held.Count, diff.Added, diff.Modified, diff.Deleted);
        _synced.TrySetResult();
        Signal(ReflectorStep.ListApplied, reason);
    }
}
