using System.Diagnostics;

namespace PodExport.Cluster.Informers;

/// <summary>The <c>PodExport</c> activity source: one span per (re)list.</summary>
internal static class InformerTelemetry
{
    public static readonly ActivitySource Source = new("PodExport", typeof(InformerTelemetry).Assembly.GetName().Version?.ToString());
}
