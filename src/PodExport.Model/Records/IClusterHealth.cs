namespace PodExport.Model.Records;

/// <summary>The informers' connection state as the export and readiness report it (service.md S-13).</summary>
public interface IClusterHealth
{
    /// <summary>Kinds whose informer has been disconnected longer than the degraded threshold; empty when healthy.</summary>
    IReadOnlyList<string> DegradedKinds { get; }
}
