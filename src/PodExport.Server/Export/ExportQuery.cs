using PodExport.Model.Records;

namespace PodExport.Server.Export;

/// <summary>
/// A compiled <c>query</c>, not yet bound to a view. <see cref="Bind"/> fixes "now" for relative dates to the view
/// time of the export that uses it (export-api W-39).
/// </summary>
public sealed class ExportQuery
{
    private readonly Func<DateTimeOffset, Func<PodRecord, bool>>? _bind;

    /// <param name="bind">Binds to a view time; null matches every pod.</param>
    public ExportQuery(Func<DateTimeOffset, Func<PodRecord, bool>>? bind) => _bind = bind;

    /// <summary>The empty query: every visible pod (export-api §2).</summary>
    public static ExportQuery MatchAll { get; } = new(null);

    /// <summary>The filter for one export; null means every pod matches, so the loop can skip the call.</summary>
    public Func<PodRecord, bool>? Bind(DateTimeOffset viewTime) => _bind?.Invoke(viewTime);
}
