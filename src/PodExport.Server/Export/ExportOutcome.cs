using PodExport.Model.Wire;

namespace PodExport.Server.Export;

/// <summary>The <c>outcome</c> tag of the export metrics (OPERATIONS.md §3).</summary>
public enum ExportOutcome
{
    Ok,
    InvalidQuery,
    Unauthorized,
    Forbidden,

    /// <summary>Refused before streaming: bad parameters, method, limits, not ready, shutting down, unimplemented.</summary>
    Rejected,
    Timeout,
    Canceled,
    Error,
}

public static class ExportOutcomeExtensions
{
    public static string ToTag(this ExportOutcome outcome) => outcome switch
    {
        ExportOutcome.Ok => "ok",
        ExportOutcome.InvalidQuery => "invalid_query",
        ExportOutcome.Unauthorized => "unauthorized",
        ExportOutcome.Forbidden => "forbidden",
        ExportOutcome.Rejected => "rejected",
        ExportOutcome.Timeout => "timeout",
        ExportOutcome.Canceled => "canceled",
        _ => "error",
    };

    /// <summary>The outcome of a status; <paramref name="fromQuery"/> tells a query error from a parameter error.</summary>
    public static ExportOutcome FromCode(RpcCode code, bool fromQuery) => code switch
    {
        RpcCode.Ok => ExportOutcome.Ok,
        RpcCode.InvalidArgument => fromQuery ? ExportOutcome.InvalidQuery : ExportOutcome.Rejected,
        RpcCode.Unauthenticated => ExportOutcome.Unauthorized,
        RpcCode.PermissionDenied => ExportOutcome.Forbidden,
        RpcCode.DeadlineExceeded => ExportOutcome.Timeout,
        RpcCode.Canceled => ExportOutcome.Canceled,
        RpcCode.ResourceExhausted or RpcCode.Unavailable or RpcCode.Unimplemented => ExportOutcome.Rejected,
        _ => ExportOutcome.Error,
    };
}
