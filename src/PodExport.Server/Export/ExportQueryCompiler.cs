using System.Diagnostics.CodeAnalysis;
using PodExport.Model.Wire;
using PodExport.Query;

namespace PodExport.Server.Export;

/// <summary>
/// Step 5 of export-api W-11 and the only place the endpoint touches the query language: compiles (through the
/// query compiler's cache) and turns a query error into code 3 in stream form (query-language.md §8).
/// </summary>
public sealed class ExportQueryCompiler(QueryCompiler compiler)
{
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

        if (!compiler.TryCompile(text, out var compiled, out var queryError))
        {
            query = null;
            error = new RpcStatus(RpcCode.InvalidArgument, queryError.Message);
            return false;
        }

        query = compiled.MatchesAll ? ExportQuery.MatchAll : new ExportQuery(compiled);
        error = null;
        return true;
    }
}
