namespace PodExport.Server.Export;

/// <summary>The accepted request parameters (export-api §2).</summary>
/// <param name="TimeoutSeconds">0 means no client deadline (W-33).</param>
/// <param name="Query">The decoded query text; empty matches every visible pod.</param>
/// <param name="Pretty">Indented output (W-10, W-25).</param>
public sealed record ExportParameters(int TimeoutSeconds, string Query, bool Pretty);
