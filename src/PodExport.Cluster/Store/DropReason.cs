namespace PodExport.Cluster.Store;

/// <summary>Values of the <c>reason</c> tag of <c>podexport.deleted_pods.dropped</c> (pod-model M-26, M-34).</summary>
public static class DropReason
{
    public const string OwnerDeleted = "owner_deleted";
    public const string RetentionExpired = "retention_expired";
    public const string Cap = "cap";
}
