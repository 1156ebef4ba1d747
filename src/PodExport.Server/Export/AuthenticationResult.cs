using PodExport.Model.Wire;

namespace PodExport.Server.Export;

/// <summary>Either the caller, or the status that ends the request in stream form (export-api W-40).</summary>
public sealed record AuthenticationResult(ExportCaller? Caller, RpcStatus? Error)
{
    public static AuthenticationResult Success(ExportCaller caller) => new(caller, null);

    /// <summary>The implementation sets any header the status needs (<c>WWW-Authenticate</c>) before returning.</summary>
    public static AuthenticationResult Failure(RpcStatus error) => new(null, error);
}
