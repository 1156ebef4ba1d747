using PodExport.Cluster.Workloads;
using PodExport.Model.Records;
using PodExport.Model.Wire;

namespace PodExport.Cluster.Pods;

/// <summary>Content equality of pods and attributes, so an unchanged pod keeps its record and rendered line.</summary>
public static class PodRecordEquality
{
    public static bool Same(PodRecord record, Pod pod, PodAttributes attributes) =>
        SamePod(record.Pod, pod) && SameAttributes(record.Attributes, attributes);

    public static bool SamePod(Pod left, Pod right) =>
        left.Id == right.Id
        && left.Name == right.Name
        && left.DeploymentId == right.DeploymentId
        && left.Namespace == right.Namespace
        && left.ClusterId == right.ClusterId
        && left.Started == right.Started
        && SameInstances(left.LiveInstances, right.LiveInstances)
        && SameBuckets(left.TerminatedInstances, right.TerminatedInstances);

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

    public static bool SameInstance(ContainerInstance left, ContainerInstance right) =>
        ReferenceEquals(left, right)
        || (left.InstanceId == right.InstanceId
            && left.ContainingPodId == right.ContainingPodId
            && left.ContainerName == right.ContainerName
            && left.Started == right.Started
            && left.ImageDigest == right.ImageDigest
            && left.Finished == right.Finished
            && left.ExitCode == right.ExitCode
            && left.TerminationReason == right.TerminationReason
            && left.ContainerIps.SequenceEqual(right.ContainerIps, StringComparer.Ordinal));

    private static bool SameInstances(IReadOnlyList<ContainerInstance> left, IReadOnlyList<ContainerInstance> right)
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }

        if (left.Count != right.Count)
        {
            return false;
        }

        for (var i = 0; i < left.Count; i++)
        {
            if (!SameInstance(left[i], right[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool SameBuckets(IReadOnlyList<Pod.ContainerInstanceList> left, IReadOnlyList<Pod.ContainerInstanceList> right)
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }

        if (left.Count != right.Count)
        {
            return false;
        }

        for (var i = 0; i < left.Count; i++)
        {
            if (!SameInstances(left[i].Instances, right[i].Instances))
            {
                return false;
            }
        }

        return true;
    }
}
