namespace PodExport.Model.Wire;

/// <summary>
/// <c>google.rpc.Status</c> as PodExport sends it: <c>details</c> is always empty. The same record backs the
/// stream-error line (export-api W-28) and the parameter-error body (W-32), which repeats the message as <c>error</c>.
/// </summary>
public sealed record RpcStatus(RpcCode Code, string Message)
{
    /// <summary>The HTTP status for this code (export-api §5.1, grpc-gateway HTTPStatusFromCode).</summary>
    public int HttpStatus => Code switch
    {
        RpcCode.Ok => 200,
        RpcCode.Canceled => 499,
        RpcCode.Unknown => 500,
        RpcCode.InvalidArgument => 400,
        RpcCode.DeadlineExceeded => 504,
        RpcCode.NotFound => 404,
        RpcCode.AlreadyExists => 409,
        RpcCode.PermissionDenied => 403,
        RpcCode.ResourceExhausted => 429,
        RpcCode.FailedPrecondition => 400,
        RpcCode.Aborted => 409,
        RpcCode.OutOfRange => 400,
        RpcCode.Unimplemented => 501,
        RpcCode.Internal => 500,
        RpcCode.Unavailable => 503,
        RpcCode.DataLoss => 500,
        RpcCode.Unauthenticated => 401,
        _ => 500,
    };
}
