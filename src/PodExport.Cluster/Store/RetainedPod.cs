using PodExport.Model.Records;

namespace PodExport.Cluster.Store;

/// <summary>A retained deleted pod as the retention index orders it: deletion time, then id (pod-model M-26 (3)).</summary>
internal sealed record RetainedPod(string Uid, string DeploymentId, DateTimeOffset DeletedAt, PodRecord Record, int HeldInstances)
{
    public static readonly IComparer<RetainedPod> OldestFirst = Comparer<RetainedPod>.Create(static (left, right) =>
    {
        var c = left.DeletedAt.CompareTo(right.DeletedAt);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(left.Record.Id, right.Record.Id);
        return c != 0 ? c : string.CompareOrdinal(left.Uid, right.Uid);
    });
}
