using PodExport.Model.Wire;

namespace PodExport.Server.Auth;

/// <summary>The statuses of service.md S-5, S-8 and S-9.</summary>
public static class AuthErrors
{
    public static RpcStatus AuthenticationRequired { get; } = new(RpcCode.Unauthenticated, "authentication required");

    public static RpcStatus InvalidToken { get; } = new(RpcCode.Unauthenticated, "invalid bearer token");

    public static RpcStatus NoNamespace { get; } =
        new(RpcCode.PermissionDenied, "permission denied: may not list pods in any namespace");

    /// <summary>The API server could not answer a review; never treated as a success (S-5).</summary>
    public static RpcStatus ReviewUnavailable { get; } =
        new(RpcCode.Unavailable, "cannot check credentials: the Kubernetes API server is unavailable");
}
