namespace Microsoft.AspNetCore.Builder;

public static class ServerEndpointRouteBuilderExtensions
{
    /// <summary>Maps the health endpoints, the export endpoint and the 404 for everything else.</summary>
    public static IEndpointRouteBuilder MapPodExportServer(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPodExportHealth();
        endpoints.MapPodExportTelemetry();
        endpoints.MapPodExport();
        return endpoints;
    }
}
