namespace PodExport.Server.Options;

/// <summary>Settings of the export endpoint, section <c>Export</c> (service.md S-2).</summary>
public sealed class ExportOptions
{
    public const string Section = "Export";

    /// <summary>Server cap on one export in seconds; 0 disables it (export-api W-36).</summary>
    [SettingRange(Section, 0, 86_400, Note = "0 disables the limit")]
    public int MaxExportDurationSeconds { get; set; } = 600;

    /// <summary>UTF-8 bytes of the decoded <c>query</c> parameter (service.md S-12).</summary>
    [SettingRange(Section, 1, 65_536)]
    public int MaxQueryBytes { get; set; } = 4096;

    /// <summary>How long running exports may go on after shutdown began (OPERATIONS.md §6).</summary>
    [SettingRange(Section, 0, 3_600)]
    public int DrainSeconds { get; set; } = 20;

    /// <summary>Exports running at once; more get 429 (service.md S-10).</summary>
    [SettingRange(Section, 1, 100_000)]
    public int MaxConcurrentExports { get; set; } = 32;

    /// <summary>Exports running at once for one caller; more get 429 (service.md S-10).</summary>
    [SettingRange(Section, 1, 100_000)]
    public int MaxConcurrentExportsPerCaller { get; set; } = 8;

    /// <summary>Kestrel cuts off a reader slower than this after a 5 s grace period; 0 disables it (S-11).</summary>
    [SettingRange(Section, 0, 1_000_000_000, Note = "0 disables the check")]
    public int MinResponseDataRateBytesPerSecond { get; set; } = 240;
}
