using System.Text.Json.Nodes;

namespace PodExport.Server.Tests.EndToEnd.Testing;

/// <summary>One export as a client sees it: status, the degraded header, the pod objects, and an error if any.</summary>
public sealed record ExportResult(int Status, string? Degraded, IReadOnlyList<JsonObject> Pods, JsonObject? Error, string Body)
{
    public IEnumerable<string> Names => Pods.Select(p => (string)p["name"]!);

    public JsonObject? Find(string id) => Pods.SingleOrDefault(p => (string?)p["id"] == id);

    /// <summary>Parses a body: one <c>{"result":{"pod":…}}</c> or <c>{"error":…}</c> object per line.</summary>
    public static ExportResult Parse(int status, string? degraded, string body)
    {
        var pods = new List<JsonObject>();
        JsonObject? error = null;
        foreach (var line in body.Split('\n'))
        {
            if (line.Length == 0)
            {
                continue;
            }

            var message = JsonNode.Parse(line)?.AsObject()
                ?? throw new InvalidOperationException("An export line is JSON null: " + line);
            if (message["error"] is JsonObject e)
            {
                Assert.Null(error);
                error = e;
            }
            else
            {
                Assert.Null(error);
                pods.Add(message["result"]?["pod"]?.AsObject() ?? throw new InvalidOperationException("Not a pod line: " + line));
            }
        }

        return new ExportResult(status, degraded, pods, error, body);
    }
}
