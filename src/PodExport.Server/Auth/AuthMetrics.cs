using System.Diagnostics.Metrics;
using PodExport.Server.Export;

namespace PodExport.Server.Auth;

/// <summary>
/// <c>podexport.auth.reviews</c> (OPERATIONS.md §3): TokenReviews and SubjectAccessReviews by type, result and
/// whether the cache answered, so an operator sees the cache work and the API server's share of the load. Never a
/// user, token or namespace as a tag.
/// </summary>
public sealed class AuthMetrics
{
    private readonly Counter<long> _reviews;

    public AuthMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(new MeterOptions(ExportMetrics.MeterName) { Version = typeof(AuthMetrics).Assembly.GetName().Version?.ToString() });
        _reviews = meter.CreateCounter<long>("podexport.auth.reviews", "{review}", "Token and access reviews by result, from the cache or the API server.");
    }

    /// <summary><paramref name="result"/>: authenticated, rejected, allowed, denied or error.</summary>
    public void RecordReview(string type, string result, bool cached) =>
        _reviews.Add(1, new("type", type), new("result", result), new("cached", cached ? "true" : "false"));
}
