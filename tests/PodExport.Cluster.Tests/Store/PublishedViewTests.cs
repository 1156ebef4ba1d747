using PodExport.Cluster.Store;
using PodExport.Model.Records;
using PodExport.Model.Wire;

namespace PodExport.Cluster.Tests.Store;

public sealed class PublishedViewTests
{
    private static readonly DateTimeOffset T0 = new(2024, 5, 1, 11, 0, 0, TimeSpan.Zero);

    private static PodRecord Record(string name, DateTimeOffset? deletedAt) =>
        new(new Pod { Id = name, Name = name, Namespace = "ns" }, new PodAttributes { Deleted = deletedAt is not null, DeletedAt = deletedAt });

    [Fact]
    public void At_BeforeFirstExpiry_SameArray()
    {
        var view = new PublishedView([Record("a", null), Record("b", T0)], T0.AddHours(1));

        Assert.Same(view.Pods, view.At(T0.AddMinutes(59), TimeSpan.FromHours(1)).Pods);
    }

    [Fact]
    public void At_AfterExpiry_LeavesOutExpiredRetainedPods()
    {
        var view = new PublishedView([Record("a", null), Record("b", T0), Record("c", T0.AddMinutes(30))], T0.AddHours(1));

        var snapshot = view.At(T0.AddHours(1), TimeSpan.FromHours(1));

        Assert.Equal(["a", "c"], snapshot.Pods.Select(p => p.Name));
        Assert.Equal(T0.AddHours(1), snapshot.ViewTime);
    }
}
