using PodExport.Model.Wire;

namespace PodExport.Server.Export;

/// <summary>Either the caller's namespace scope, or the status that ends the request (export-api W-42).</summary>
public sealed record AuthorizationResult(NamespaceScope? Scope, RpcStatus? Error)
{
    public static AuthorizationResult Success(NamespaceScope scope) => new(scope, null);

    public static AuthorizationResult Failure(RpcStatus error) => new(null, error);
}
