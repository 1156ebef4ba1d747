using k8s.Models;

namespace PodExport.Cluster.Workloads;

/// <summary>Which owner references count and which one to follow (pod-model M-5 to M-7).</summary>
public static class OwnerReferenceRules
{
    private static readonly HashSet<string> TrackedKinds = new(StringComparer.Ordinal)
    {
        "Deployment", "DaemonSet", "Pod", "ReplicationController", "ReplicaSet", "StatefulSet", "CronJob", "Job",
        "DeploymentConfig",
    };

    /// <summary>M-6: <c>v1</c>, <c>apps/v1</c>, <c>example.com/v1</c> are native; <c>serving.knative.dev/v1</c> is not.</summary>
    public static bool IsNativeApiVersion(string? apiVersion)
    {
        if (string.IsNullOrEmpty(apiVersion))
        {
            return true;
        }

        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return true;
        }

        var group = apiVersion.AsSpan(0, slash);
        if (group.Count('.') < 2)
        {
            return true;
        }

        return group.EndsWith(".k8s.io", StringComparison.Ordinal) || group.EndsWith(".openshift.io", StringComparison.Ordinal);
    }

    /// <summary>M-5: a tracked kind, a native apiVersion and a UID.</summary>
    public static bool IsTracked(V1OwnerReference reference) =>
        !string.IsNullOrEmpty(reference.Uid)
        && reference.Kind is not null
        && TrackedKinds.Contains(reference.Kind)
        && IsNativeApiVersion(reference.ApiVersion);

    /// <summary>M-7: the tracked reference marked <c>controller: true</c>, else the first tracked one, else null.</summary>
    public static V1OwnerReference? SelectTracked(IEnumerable<V1OwnerReference>? references)
    {
        if (references is null)
        {
            return null;
        }

        V1OwnerReference? first = null;
        foreach (var reference in references)
        {
            if (reference is null || !IsTracked(reference))
            {
                continue;
            }

            if (reference.Controller == true)
            {
                return reference;
            }

            first ??= reference;
        }

        return first;
    }
}
