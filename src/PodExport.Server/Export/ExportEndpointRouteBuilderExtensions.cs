using PodExport.Server.Export;

namespace Microsoft.AspNetCore.Builder;

public static class ExportEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>/v1/export/pods</c> for every method (the handler answers 405 itself, W-3) and a catch-all that answers
    /// every unserved path with the 404 parameter error (W-1). Resolving the handler here starts the shutdown drain
    /// watch before the host starts.
    /// </summary>
    public static IEndpointRouteBuilder MapPodExport(this IEndpointRouteBuilder endpoints)
    {
        var handler = endpoints.ServiceProvider.GetRequiredService<ExportHandler>();
        // The export enforces its own deadlines (W-34, W-36); a request-timeouts default policy must not cut it.
        endpoints.Map(ExportHandler.Path, handler.HandleAsync).WithDisplayName("Export pods").DisableRequestTimeout();

        // Lowest precedence of all routes, so every mapped endpoint wins; the handler sends anything but the exact
        // export path to 404.
        endpoints.Map("/{**path}", handler.HandleAsync).WithDisplayName("Not found");
        return endpoints;
    }
}
