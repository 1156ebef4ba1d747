using PodExport.Model.Records;

namespace PodExport.Query.Tests;

/// <summary>Compiles queries for tests and checks which pods match.</summary>
internal static class QueryAssert
{
    public static readonly DateTimeOffset ViewTime = new(2024, 5, 1, 10, 0, 0, TimeSpan.Zero);

    public static PodQuery Compile(string text)
    {
        Assert.True(QueryCompiler.TryCompileUncached(text, out var query, out var error), error?.Message);
        return query;
    }

    public static QueryError Fails(string text)
    {
        Assert.False(QueryCompiler.TryCompileUncached(text, out var query, out var error), $"'{text}' compiled to {query?.Syntax}");
        Assert.StartsWith("invalid query: ", error.Message, StringComparison.Ordinal);
        return error;
    }

    public static bool Matches(string text, PodRecord pod, DateTimeOffset? viewTime = null) =>
        Compile(text).Bind(viewTime ?? ViewTime)(pod);

    public static void Match(string text, PodRecord pod, DateTimeOffset? viewTime = null) =>
        Assert.True(Matches(text, pod, viewTime), $"'{text}' should match pod {pod.Name}");

    public static void NoMatch(string text, PodRecord pod, DateTimeOffset? viewTime = null) =>
        Assert.False(Matches(text, pod, viewTime), $"'{text}' should not match pod {pod.Name}");

    /// <summary>The names of the pods the query selects, in input order.</summary>
    public static string[] Select(string text, params PodRecord[] pods)
    {
        var filter = Compile(text).Bind(ViewTime);
        return pods.Where(filter).Select(p => p.Name).ToArray();
    }
}
