using PodExport.Model.Wire;

namespace PodExport.Query;

/// <summary>
/// Why a query was rejected (query-language §8): answered as HTTP 400, code 3, in the stream-error form.
/// </summary>
/// <param name="Kind">One of <see cref="QueryErrorKind"/>, e.g. <c>E_UNKNOWN_LABEL</c>.</param>
/// <param name="Message">The full message, starting with <c>invalid query: </c>.</param>
/// <param name="Position">1-based index of the offending text in the decoded query, in UTF-16 code units.</param>
public sealed record QueryError(string Kind, string Message, int Position)
{
    /// <summary>The status to send: code 3 (InvalidArgument) with <see cref="Message"/>.</summary>
    public RpcStatus ToStatus() => new(RpcCode.InvalidArgument, Message);
}
