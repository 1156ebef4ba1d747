using PodExport.Model.Records;

namespace PodExport.Cluster.Store;

/// <summary>The last view a snapshot published, for snapshots taken while a long change holds the store.</summary>
internal sealed record PublishedView(PodRecord[] Pods, DateTimeOffset FirstExpiry)
{
    public static readonly PublishedView Empty = new([], DateTimeOffset.MaxValue);

    /// <summary>This view at <paramref name="now"/>: retained pods expired by then are left out (M-26 (2)).</summary>
    public PodSnapshot At(DateTimeOffset now, TimeSpan retention)
    {
        if (now < FirstExpiry)
        {
            return new PodSnapshot(now, Pods);
        }

        var live = Array.FindAll(Pods, record => record.Attributes.DeletedAt is not { } deletedAt || deletedAt + retention > now);
        return new PodSnapshot(now, live);
    }
}
