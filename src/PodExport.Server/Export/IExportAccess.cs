namespace PodExport.Server.Export;

/// <summary>
/// The seam for authentication and authorization of exports (export-api §8, service.md S-5 to S-9). The endpoint
/// calls <see cref="AuthenticateAsync"/> at step 2 of W-11 (before the parameters) and <see cref="AuthorizeAsync"/>
/// at step 4 (after them); a failure is written in stream form with the status's HTTP code.
/// </summary>
public interface IExportAccess
{
    ValueTask<AuthenticationResult> AuthenticateAsync(HttpContext context, CancellationToken cancellationToken);

    ValueTask<AuthorizationResult> AuthorizeAsync(HttpContext context, ExportCaller caller, CancellationToken cancellationToken);
}
