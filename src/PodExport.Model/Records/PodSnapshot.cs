namespace PodExport.Model.Records;

/// <summary>
/// A point-in-time view of the pod store (export-api W-37): every pod once, each in one state the store held,
/// ordered by namespace, name, id (W-38). Never changes after it is taken.
/// </summary>
public sealed record PodSnapshot(DateTimeOffset ViewTime, IReadOnlyList<PodRecord> Pods);
