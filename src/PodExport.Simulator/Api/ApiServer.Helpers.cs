using System.Globalization;
using System.Text.Json.Nodes;
using PodExport.Simulator.Faults;
using PodExport.Simulator.State;

namespace PodExport.Simulator.Api;

/// <summary>
/// The <c>/_sim/…</c> helper endpoints (kubernetes-api D.1 items 34–35 over HTTP), for the standalone simulator and
/// the gateway's <c>--simulate</c> mode: ground truth, compaction, faults, watcher control.
/// </summary>
internal sealed partial class ApiServer
{
    private async Task HelpersAsync(HttpContext context, string[] segments, string method)
    {
        var query = context.Request.Query;
        ResourceKind? Kind() => query["kind"].Count > 0
            ? ResourceKind.Find(query["kind"]!) ?? throw ApiStatus.BadRequest($"unknown kind {query["kind"]}")
            : null;
        bool MatchesKind(WatcherInfo w) => Kind() is not { } k || w.Kind == k.Kind;

        JsonNode body;
        switch (method, segments)
        {
            case ("GET", ["_sim", "state"]):
                var counts = store.Counts();
                body = new JsonObject
                {
                    ["resourceVersion"] = store.CurrentRV,
                    ["floor"] = store.Floor,
                    ["historyCount"] = store.HistoryCount,
                    ["clusterUid"] = store.ClusterUid,
                    ["activeWatches"] = watchers.ActiveCount,
                    ["counts"] = new JsonObject(counts.ByKind.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
                    ["podsByPhase"] = new JsonObject(counts.PodsByPhase.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
                    ["tokenReviews"] = auth.TokenReviewCount,
                    ["subjectAccessReviews"] = auth.SubjectAccessReviewCount,
                };
                break;
            case ("POST", ["_sim", "compact"]):
                store.Compact(long.TryParse(query["rv"], NumberStyles.None, CultureInfo.InvariantCulture, out var rv) ? rv : store.CurrentRV);
                body = new JsonObject { ["floor"] = store.Floor };
                break;
            case ("GET", ["_sim", "requests"]):
                var last = int.TryParse(query["last"], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 100;
                body = new JsonArray(requests.Snapshot().TakeLast(last).Select(r => (JsonNode)r.ToString()).ToArray());
                break;
            case ("GET", ["_sim", "watchers"]):
                body = new JsonArray(watchers.Active().Select(w => (JsonNode)w.ToString()).ToArray());
                break;
            case ("GET", ["_sim", "faults"]):
                body = new JsonArray(faults.Active.Select(f => (JsonNode)f.ToString()).ToArray());
                break;
            case ("POST", ["_sim", "faults"]):
                using (var reader = new StreamReader(context.Request.Body))
                {
                    var text = await reader.ReadToEndAsync(context.RequestAborted);
                    var added = new JsonArray();
                    foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        try
                        {
                            added.Add((JsonNode)faults.Add(FaultParser.Parse(line)).ToString());
                        }
                        catch (Exception e) when (e is FormatException or ArgumentException)
                        {
                            throw ApiStatus.BadRequest(e.Message);
                        }
                    }

                    body = added;
                }

                break;
            case ("DELETE", ["_sim", "faults"]):
                faults.Clear();
                body = new JsonArray();
                break;
            case ("POST", ["_sim", "close-watchers"]):
                body = new JsonObject { ["closed"] = watchers.Close(MatchesKind) };
                break;
            case ("POST", ["_sim", "bookmark"]):
                long? at = long.TryParse(query["rv"], NumberStyles.None, CultureInfo.InvariantCulture, out var b) ? b : null;
                body = new JsonObject { ["bookmarked"] = watchers.SendBookmark(MatchesKind, at) };
                break;
            default:
                throw ApiStatus.PathNotFound();
        }

        await WriteJsonAsync(context, 200, body);
    }
}
