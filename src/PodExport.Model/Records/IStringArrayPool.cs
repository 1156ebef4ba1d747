namespace PodExport.Model.Records;

/// <summary>
/// Hands out one shared instance of equal string arrays, so the many pods of a workload hold their container names, image
/// digests and termination reasons once. Arrays handed in or out must never be written.
/// </summary>
public interface IStringArrayPool
{
    /// <summary>The shared array equal to <paramref name="values"/> (ordinal), or <paramref name="values"/> itself.</summary>
    string[] Share(string[] values);
}
