using PodExport.Model.Wire;

namespace PodExport.Cluster.Pods;

/// <summary>A terminated instance seen in one pod update, with its dedup key (pod-model M-19).</summary>
public sealed record TerminatedObservation(ContainerInstance Instance, string Key)
{
    /// <summary>What starts the key of an instance with an id; the rest of the key is the id.</summary>
    internal const string IdKeyPrefix = "id:";

    /// <summary>
    /// M-19: the instance id when present, else (container name, startedAt, finishedAt) as Kubernetes reported
    /// them, absent values kept absent (so a filled-in observation time never enters the key).
    /// </summary>
    public static string KeyOf(string id, string containerName, Timestamp? startedAt, Timestamp? finishedAt) =>
        id.Length > 0
            ? IdKeyPrefix + id
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"nm:{containerName}\0{Ticks(startedAt)}\0{Ticks(finishedAt)}");

    private static string Ticks(Timestamp? value) =>
        value is { } v ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{v.Seconds}.{v.Nanos}") : "-";
}
