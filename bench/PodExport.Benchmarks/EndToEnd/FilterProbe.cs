using System.Diagnostics;
using System.Globalization;
using PodExport.Model.Records;
using PodExport.Query;

namespace PodExport.Benchmarks.EndToEnd;

/// <summary>Chooses the filtered scenario's two-clause query and measures how fast the compiled query evaluates.</summary>
public static class FilterProbe
{
    public const double TargetFraction = 0.10;

    private const string Kind = "Deployment";

    /// <summary>
    /// <c>Namespace:&lt;prefix&gt;+Deployment Type:"Deployment"</c> with the namespace prefix that brings the matches
    /// closest to 10 %: a prefix match and an exact match, the common shapes of a dashboard's query.
    /// </summary>
    public static string ChooseQuery(IReadOnlyList<PodRecord> pods)
    {
        var perNamespace = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var pod in pods)
        {
            if (pod.Attributes.OwnerKind == Kind)
            {
                perNamespace[pod.Namespace] = perNamespace.GetValueOrDefault(pod.Namespace) + 1;
            }
        }

        var best = (Prefix: "", Distance: double.MaxValue);
        var prefixes = perNamespace.Keys.SelectMany(ns => Enumerable.Range(1, ns.Length).Select(n => ns[..n])).Distinct(StringComparer.OrdinalIgnoreCase);
        foreach (var prefix in prefixes.Order(StringComparer.Ordinal))
        {
            if (prefix.Contains('"', StringComparison.Ordinal) || prefix.Contains(',', StringComparison.Ordinal) || prefix.Contains('+', StringComparison.Ordinal) || prefix.Contains(' ', StringComparison.Ordinal))
            {
                continue;
            }

            var matches = perNamespace.Where(p => p.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).Sum(p => p.Value);
            var distance = Math.Abs(((double)matches / Math.Max(pods.Count, 1)) - TargetFraction);
            if (distance < best.Distance)
            {
                best = (prefix, distance);
            }
        }

        return best.Prefix.Length == 0
            ? InProcessProbe.FallbackQuery
            : string.Create(CultureInfo.InvariantCulture, $"Namespace:{best.Prefix}+Deployment Type:\"{Kind}\"");
    }

    /// <summary>
    /// Runs the compiled query over every pod of the snapshot, repeatedly, on one thread: the bound predicate called
    /// per pod (what the export loop does), or with <paramref name="prefetch"/> <see cref="PodQuery.Filter(PodSnapshot)"/>.
    /// </summary>
    public static FilterThroughput? Measure(string text, PodSnapshot snapshot, TimeSpan duration, bool prefetch = false)
    {
        if (!QueryCompiler.TryCompileUncached(text, out var query, out _))
        {
            return null;
        }

        var bound = query.Bind(snapshot.ViewTime);
        var pods = snapshot.Pods;
        Func<IReadOnlyList<PodRecord>, int> count = prefetch
            ? list => query.Filter(list, snapshot.ViewTime).Count()
            : list => Count(list, bound);
        var matches = count(pods);
        long evaluations = 0;
        using var process = Process.GetCurrentProcess();
        var cpuStart = process.TotalProcessorTime;
        var start = Stopwatch.GetTimestamp();
        const int MaxPasses = 100_000;
        for (var pass = 0; pass < MaxPasses && (pass == 0 || Stopwatch.GetElapsedTime(start) < duration); pass++)
        {
            matches = count(pods);
            evaluations += pods.Count;
        }

        var elapsed = Stopwatch.GetElapsedTime(start);
        process.Refresh();
        return new FilterThroughput(text, pods.Count, matches, evaluations, elapsed, process.TotalProcessorTime - cpuStart);
    }

    private static int Count(IReadOnlyList<PodRecord> pods, Func<PodRecord, bool> predicate)
    {
        var matches = 0;
        for (var i = 0; i < pods.Count; i++)
        {
            if (predicate(pods[i]))
            {
                matches++;
            }
        }

        return matches;
    }
}
