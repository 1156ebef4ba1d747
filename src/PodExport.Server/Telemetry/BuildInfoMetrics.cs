using System.Diagnostics.Metrics;

namespace PodExport.Server.Telemetry;

/// <summary>
/// <c>podexport.build_info{version,commit}</c> = 1 (service.md S-17), the usual Prometheus way to join a build to other
/// series. No unit, so the Prometheus name gains no suffix: <c>podexport_build_info</c>.
/// </summary>
public sealed class BuildInfoMetrics
{
    public const string InstrumentName = "podexport.build_info";

    public BuildInfoMetrics(IMeterFactory meterFactory)
    {
        var build = BuildInfo.Current;
        var meter = meterFactory.Create(new MeterOptions(ExportTracing.SourceName) { Version = typeof(BuildInfoMetrics).Assembly.GetName().Version?.ToString() });
        var measurement = new Measurement<int>(
            1,
            new KeyValuePair<string, object?>("version", build.Version),
            new KeyValuePair<string, object?>("commit", build.Commit));
        meter.CreateObservableGauge(InstrumentName, () => measurement, unit: null, description: "Always 1; the labels name the running build.");
    }
}
