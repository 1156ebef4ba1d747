using System.Globalization;
using PodExport.Model.Wire;

namespace PodExport.Server.Export;

/// <summary>The statuses of export-api §5.4 that the endpoint itself raises.</summary>
public static class ExportErrors
{
    public static RpcStatus NotFound { get; } = new(RpcCode.NotFound, "Not Found");

    /// <summary>Code 12, sent with HTTP 405 rather than 501 (W-3).</summary>
    public static RpcStatus MethodNotAllowed { get; } = new(RpcCode.Unimplemented, "Method Not Allowed");

    public static RpcStatus NotSynchronized { get; } = new(RpcCode.Unavailable, "pod cache is not synchronized yet");

    public static RpcStatus ShuttingDown { get; } = new(RpcCode.Unavailable, "server is shutting down");

    /// <summary>Details go to the log only.</summary>
    public static RpcStatus Internal { get; } = new(RpcCode.Internal, "internal error");

    /// <summary>What the log and metrics record for a client that went away (W-31); never sent.</summary>
    public static RpcStatus Canceled { get; } = new(RpcCode.Canceled, "context canceled");

    public static RpcStatus TooManyExports { get; } =
        new(RpcCode.ResourceExhausted, "too many concurrent exports, retry later");

    public static RpcStatus TooManyExportsForCaller { get; } =
        new(RpcCode.ResourceExhausted, "too many concurrent exports for this caller, retry later");

    public static RpcStatus InvalidParameter(string message) => new(RpcCode.InvalidArgument, message);

    /// <summary>W-34, W-36: the message names the deadline that expired.</summary>
    public static RpcStatus DeadlineExceeded(int seconds, bool clientTimeout) => new(
        RpcCode.DeadlineExceeded,
        string.Create(
            CultureInfo.InvariantCulture,
            $"context deadline exceeded: export did not finish within {seconds}s ({(clientTimeout ? "timeout parameter" : "server maximum")})"));
}
