using PodExport.Simulator.Faults;

namespace PodExport.Simulator.Api;

/// <summary>Watch: start semantics, registration and the streaming loop (kubernetes-api A.3, D.1 items 15–22).</summary>
internal sealed partial class ApiServer
{
    private async Task WatchAsync(HttpContext context, RequestRecord record, ResourceTarget target, ListQuery query, ObjectFilter filter, FaultRule? fault)
    {
        if (query.SendInitialEvents is not null && !switches.WatchListEnabled)
        {
            throw ApiStatus.InvalidListOptions("sendInitialEvents", "Forbidden: sendInitialEvents is forbidden for watch unless the WatchList feature gate is enabled");
        }

        var timeout = query.TimeoutSeconds is > 0 ? TimeSpan.FromSeconds(query.TimeoutSeconds.Value) : DefaultWatchTimeout();
        var watch = new ActiveWatch(Interlocked.Increment(ref _nextWatchId), target.Kind, target.Namespace, record.Path,
            record.Query, query, timeProvider.GetUtcNow());
        var session = new WatchSession(context, record, watch, filter, fault, store, switches, watchers, timeProvider, timeout);
        watchers.Add(watch);
        Log.WatchStarted(logger, watch.Id, record.Path, record.Query, store.CurrentRV);
        try
        {
            await session.RunAsync(TryWaitForResourceVersionAsync);
        }
        finally
        {
            watchers.Remove(watch);
        }
    }
}
