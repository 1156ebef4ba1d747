using System.Collections.Immutable;
using System.Globalization;
using System.Buffers;
using System.Text;
using PodExport.Simulator.State;

namespace PodExport.Simulator.Api;

/// <summary>List: RV semantics, snapshots, pagination (kubernetes-api A.2, D.1 items 12–14).</summary>
internal sealed partial class ApiServer
{
    private const int FlushThreshold = 64 * 1024;

    private async Task ListAsync(HttpContext context, RequestRecord record, ResourceTarget target, ListQuery query, ObjectFilter filter)
    {
        var kind = target.Kind;
        ImmutableSortedSet<StoredObject> set;
        long snapshotRv;
        ObjectKey? after = null;
        if (query.Continue.Length > 0)
        {
            if (query.ResourceVersion.Length > 0 && query.ResourceVersion != "0")
            {
                throw ApiStatus.BadRequest("specifying resource version is not allowed when using continue");
            }

            var token = ContinueToken.Parse(query.Continue);
            set = store.SnapshotAt(kind, token.ResourceVersion) ?? throw ApiStatus.ContinueExpired();
            snapshotRv = token.ResourceVersion;
            after = token.LastKey;
        }
        else if (query.ResourceVersionNumber is not { } requested)
        {
            (set, snapshotRv) = store.Snapshot(kind);
        }
        else
        {
            var exact = query.ResourceVersionMatch == "Exact" ||
                (query.ResourceVersionMatch.Length == 0 && query.Limit is > 0);
            await WaitForResourceVersionAsync(requested, context.RequestAborted);
            if (exact)
            {
                var floor = store.Floor;
                set = store.SnapshotAt(kind, requested) ?? throw ApiStatus.TooOld(requested, floor);
                snapshotRv = requested;
            }
            else
            {
                // Not older than N: the present always qualifies, so this list never answers 410.
                (set, snapshotRv) = store.Snapshot(kind);
            }
        }

        var limit = query.Limit is > 0 ? query.Limit.Value : long.MaxValue;
        if (query.ResourceVersion == "0" && query.Continue.Length == 0 && switches.IgnoreLimitAtResourceVersionZero)
        {
            limit = long.MaxValue;
        }

        var (start, end) = Range(set, kind, filter.Namespace, after);
        var items = new List<StoredObject>();
        var hasMore = false;
        var lastIndex = start - 1;
        for (var i = start; i < end; i++)
        {
            var obj = set[i];
            if (!filter.Matches(obj))
            {
                continue;
            }

            if (items.Count == limit)
            {
                hasMore = true;
                break;
            }

            items.Add(obj);
            lastIndex = i;
        }

        var metadata = new StringBuilder();
        metadata.Append(CultureInfo.InvariantCulture, $"\"resourceVersion\":\"{snapshotRv}\"");
        if (hasMore)
        {
            metadata.Append(CultureInfo.InvariantCulture, $",\"continue\":\"{new ContinueToken(snapshotRv, items[^1].Key).Encode()}\"");
            if (!filter.HasSelectors)
            {
                metadata.Append(CultureInfo.InvariantCulture, $",\"remainingItemCount\":{end - lastIndex - 1}");
            }
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        var writer = context.Response.BodyWriter;
        if (PodTable.Requested(context.Request, kind))
        {
            writer.Write(PodTable.Build(items, metadata.ToString(), timeProvider.GetUtcNow()));
            await writer.FlushAsync(context.RequestAborted);
            record.EventsSent = items.Count;
            return;
        }

        writer.Write(Encoding.UTF8.GetBytes(
            $"{{\"kind\":\"{kind.ListKind}\",\"apiVersion\":\"{kind.ApiVersion}\",\"metadata\":{{{metadata}}},\"items\":["));
        var pending = 0L;
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                writer.Write(","u8);
            }

            writer.Write(items[i].Json);
            pending += items[i].Json.Length;
            if (pending > FlushThreshold)
            {
                pending = 0;
                await writer.FlushAsync(context.RequestAborted);
            }
        }

        writer.Write("]}"u8);
        await writer.FlushAsync(context.RequestAborted);
        record.EventsSent = items.Count;
    }

    /// <summary>The index range of a namespace (or everything), starting after <paramref name="after"/>.</summary>
    private static (int Start, int End) Range(ImmutableSortedSet<StoredObject> set, ResourceKind kind, string? @namespace, ObjectKey? after)
    {
        static int LowerBound(ImmutableSortedSet<StoredObject> set, ResourceKind kind, ObjectKey key)
        {
            var i = set.IndexOf(StoredObject.Probe(kind, key));
            return i >= 0 ? i : ~i;
        }

        int start = 0, end = set.Count;
        if (@namespace is not null)
        {
            start = LowerBound(set, kind, new ObjectKey(@namespace, ""));
            end = LowerBound(set, kind, new ObjectKey(@namespace + "\0", ""));
        }

        if (after is { } last)
        {
            var i = set.IndexOf(StoredObject.Probe(kind, last));
            start = Math.Max(start, i >= 0 ? i + 1 : ~i);
        }

        return (start, end);
    }

    /// <summary>Waits (up to the TooLarge wait) for the store to reach <paramref name="rv"/>; 504 TooLarge otherwise.</summary>
    private async Task WaitForResourceVersionAsync(long rv, CancellationToken cancellationToken)
    {
        if (!await TryWaitForResourceVersionAsync(rv, cancellationToken))
        {
            throw ApiStatus.TooLarge(rv);
        }
    }

    private async Task<bool> TryWaitForResourceVersionAsync(long rv, CancellationToken cancellationToken)
    {
        if (store.CurrentRV >= rv)
        {
            return true;
        }

        using var timeout = new CancellationTokenSource(switches.TooLargeWait, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        while (true)
        {
            var changed = store.AnyChange;
            if (store.CurrentRV >= rv)
            {
                return true;
            }

            try
            {
                await changed.WaitAsync(linked.Token);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                return store.CurrentRV >= rv;
            }
        }
    }
}
