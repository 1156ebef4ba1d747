namespace PodExport.Benchmarks.EndToEnd;

/// <summary>One export as a client saw it: time to the first body byte, total time, bytes and lines read.</summary>
public readonly record struct ExportSample(int Status, TimeSpan TimeToFirstByte, TimeSpan Duration, long Bytes, long Lines);
