using PodExport.Model.Wire;

namespace PodExport.Server.Export;

/// <summary>What the log line and the metrics say about one finished export (service.md S-16).</summary>
internal sealed class ExportSummary
{
    public string Caller { get; set; } = ExportCaller.Anonymous.Name;

    public string Query { get; set; } = "";

    /// <summary>Distinct visible namespaces among the pods the export read.</summary>
    public int Namespaces { get; set; }

    public long Pods { get; set; }

    public long Bytes { get; set; }

    public RpcStatus Status { get; set; } = ExportErrors.Internal;

    /// <summary>The status came from the query compiler, which makes code 3 a query error rather than a parameter error.</summary>
    public bool FromQuery { get; set; }
}
