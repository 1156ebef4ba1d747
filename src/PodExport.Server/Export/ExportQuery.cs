using PodExport.Query;

namespace PodExport.Server.Export;

/// <summary>
/// A compiled <c>query</c>, not yet bound to a view. <see cref="Bind"/> fixes "now" for relative dates to the view
/// time of the export that uses it (export-api W-39).
/// </summary>
public sealed class ExportQuery
{
    private readonly PodQuery? _query;

    /// <param name="query">The compiled query; null matches every pod.</param>
    public ExportQuery(PodQuery? query) => _query = query is { MatchesAll: false } ? query : null;

    /// <summary>The empty query: every visible pod (export-api §2).</summary>
    public static ExportQuery MatchAll { get; } = new(null);

    /// <summary>The filter for one export, split by namespace for the snapshot walk.</summary>
    public PodFilter Bind(DateTimeOffset viewTime) => _query?.BindFilter(viewTime) ?? PodFilter.All;
}
