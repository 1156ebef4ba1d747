namespace PodExport.Simulator.Api;

/// <summary>One request seen by the simulator. Fields after <see cref="StartedAt"/> change while it runs.</summary>
public sealed class RequestRecord
{
    internal RequestRecord(long id, string method, string path, string query, DateTimeOffset startedAt, string? userAgent)
    {
        Id = id;
        Method = method;
        Path = path;
        Query = query;
        StartedAt = startedAt;
        UserAgent = userAgent;
    }

    public long Id { get; }

    public string Method { get; }

    public string Path { get; }

    /// <summary>The raw query string, including the leading <c>?</c> (empty when none).</summary>
    public string Query { get; }

    public string? UserAgent { get; }

    public DateTimeOffset StartedAt { get; }

    /// <summary><c>list</c>, <c>watch</c>, <c>get</c>, <c>create</c>, <c>update</c>, <c>patch</c>, <c>delete</c>, <c>review</c>, <c>discovery</c> or <c>other</c>.</summary>
    public string Verb { get; internal set; } = "other";

    /// <summary>The resource kind addressed, e.g. <c>Pod</c>; null for discovery and unknown paths.</summary>
    public string? Kind { get; internal set; }

    public int StatusCode { get; internal set; }

    public RequestEnding Ending { get; internal set; } = RequestEnding.Running;

    /// <summary>The injected fault, when one applied.</summary>
    public string? Fault { get; internal set; }

    /// <summary>Watch events (not bookmarks) sent so far; list items for a list.</summary>
    public int EventsSent { get; internal set; }

    public int BookmarksSent { get; internal set; }

    public DateTimeOffset? EndedAt { get; internal set; }

    /// <summary>Query parameter value, or null.</summary>
    public string? QueryValue(string name)
    {
        var parsed = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(Query);
        return parsed.TryGetValue(name, out var v) ? v.ToString() : null;
    }

    public override string ToString() => $"#{Id} {Method} {Path}{Query} -> {StatusCode} {Ending}{(Fault is null ? "" : " fault=" + Fault)}";
}
