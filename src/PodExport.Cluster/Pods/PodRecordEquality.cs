using PodExport.Cluster.Workloads;
using PodExport.Model.Records;

namespace PodExport.Cluster.Pods;

/// <summary>Content equality of attributes, so an unchanged pod keeps its record (the line is compared as bytes).</summary>
public static class PodRecordEquality
{
    public static bool SameAttributes(PodAttributes left, PodAttributes right) =>
        left.PodUid == right.PodUid
        && left.Node == right.Node
        && left.OwnerName == right.OwnerName
        && left.OwnerKind == right.OwnerKind
        && left.RestartCount == right.RestartCount
        && left.Deleted == right.Deleted
        && left.DeletedAt == right.DeletedAt
        && left.ClusterName == right.ClusterName
        && left.Images.SequenceEqual(right.Images, StringComparer.Ordinal)
        && LabelMaps.Equal(left.Labels, right.Labels)
        && LabelMaps.Equal(left.OwnerLabels, right.OwnerLabels);
}
