using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using PodExport.Server.Telemetry;

namespace Microsoft.Extensions.DependencyInjection;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>The OpenTelemetry service name unless <c>OTEL_SERVICE_NAME</c> or <c>OTEL_RESOURCE_ATTRIBUTES</c> says otherwise.</summary>
    public const string ServiceName = "podexport";

    /// <summary>The OTLP endpoint variable; OTLP export is on only when it is set (OPERATIONS.md §3).</summary>
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// Logs (JSON in containers), metrics (the <c>PodExport</c> meter, ASP.NET Core, Kestrel, the .NET runtime, the
    /// Prometheus exporter behind <c>MapPodExportTelemetry</c>) and traces (the export span, ASP.NET Core requests but
    /// not probes or scrapes), pushed over OTLP as well when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
    /// </summary>
    public static IServiceCollection AddPodExportTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        // A second call would add every instrument twice, and a second UseOtlpExporter throws.
        if (services.Any(d => d.ServiceType == typeof(BuildInfoMetrics)))
        {
            return services;
        }

        services.AddPodExportLogging(configuration);
        services.AddMetrics();
        services.TryAddSingleton<BuildInfoMetrics>();

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource
                .Clear()
                .AddService(ServiceName, serviceVersion: BuildInfo.Current.InformationalVersion)
                .AddTelemetrySdk()

                // Last, so OTEL_RESOURCE_ATTRIBUTES and then OTEL_SERVICE_NAME override the defaults above.
                .AddEnvironmentVariableDetector())
            .WithMetrics(metrics => metrics
                .AddMeter(ExportTracing.SourceName)
                .AddInstrumentation(sp => sp.GetRequiredService<BuildInfoMetrics>())
                .AddAspNetCoreInstrumentation()
                .AddMeter("Microsoft.AspNetCore.Server.Kestrel")
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter())
            .WithTracing(tracing => tracing
                .AddSource(ExportTracing.SourceName)
                .AddAspNetCoreInstrumentation(options => options.Filter = TelemetryPaths.IsTraced));

        // The Aspire service-defaults rule: no exporter, and no failing connection attempts, without an endpoint.
        if (!string.IsNullOrWhiteSpace(configuration[OtlpEndpointKey]))
        {
            telemetry.UseOtlpExporter();
        }

        return services;
    }
}
