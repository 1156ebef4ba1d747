using System.Diagnostics.CodeAnalysis;
using PodExport.Model.Wire;

namespace PodExport.Server.Export;

/// <summary>
/// Step 5 of export-api W-11 and the only place the endpoint touches the query language. Until the query compiler
/// is wired in, a non-empty query is answered with code 12; then this becomes <c>QueryCompiler.TryCompile(text,
/// out var query, out var error)</c>, a failure turned into code 3 (query-language.md §8), and
/// <c>new ExportQuery(query.Bind)</c>.
/// </summary>
public sealed class ExportQueryCompiler
{
    public static RpcStatus NotImplemented { get; } =
        new(RpcCode.Unimplemented, "the query parameter is not implemented yet; send an empty query");

    /// <param name="text">The decoded <c>query</c> parameter.</param>
    /// <param name="query">The compiled query on success.</param>
    /// <param name="error">The stream-form error on failure; code 3 counts as a parse error.</param>
    public bool TryCompile(string text, [NotNullWhen(true)] out ExportQuery? query, [NotNullWhen(false)] out RpcStatus? error)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            query = ExportQuery.MatchAll;
            error = null;
            return true;
        }

        query = null;
        error = NotImplemented;
        return false;
    }
}
