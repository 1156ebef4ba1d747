namespace PodExport.Server.Export;

/// <summary>No authentication: every caller is <c>anonymous</c> and sees every namespace (export-api W-44).</summary>
public sealed class OpenExportAccess : IExportAccess
{
    private static readonly AuthenticationResult Anonymous = AuthenticationResult.Success(ExportCaller.Anonymous);
    private static readonly AuthorizationResult Everything = AuthorizationResult.Success(NamespaceScope.All);

    public ValueTask<AuthenticationResult> AuthenticateAsync(HttpContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Anonymous);

    public ValueTask<AuthorizationResult> AuthorizeAsync(HttpContext context, ExportCaller caller, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Everything);
}
