using System.Text.Json.Nodes;
using PodExport.Cluster.Identity;

namespace PodExport.Server.Tests.EndToEnd.Testing;

/// <summary>
/// What the export must say about one pod, derived from <c>kubectl get -o json</c> output by the pod-model rules,
/// written here independently of the pipeline (only the UUIDv5 function is shared): id (M-3), deployment id through
/// the owners (M-5 to M-10), live instances (M-13 to M-18), container IPs, and the ids of the terminated instances
/// that <c>state</c> and <c>lastState</c> report (M-16, M-17).
/// </summary>
public sealed record ExpectedPod(
    string Id,
    string Name,
    string Namespace,
    string DeploymentId,
    string Node,
    string ContainingPodId,
    IReadOnlyList<string> Ips,
    IReadOnlyList<(string Container, string Id)> Live,
    IReadOnlyList<string> TerminatedIds)
{
    private static readonly HashSet<string> TrackedKinds = new(StringComparer.Ordinal)
    {
        "Deployment", "DaemonSet", "Pod", "ReplicationController", "ReplicaSet", "StatefulSet", "CronJob", "Job", "DeploymentConfig",
    };

    /// <summary>Maps every pod of a <c>kubectl get pods -A -o json</c> list.</summary>
    /// <param name="pods">The pod list.</param>
    /// <param name="owners">A list of every owner object (<c>kubectl get replicasets,deployments,… -A -o json</c>).</param>
    /// <param name="clusterId">The cluster id (kube-system's UID unless configured).</param>
    public static IReadOnlyList<ExpectedPod> FromKubectl(JsonObject pods, JsonObject owners, string clusterId)
    {
        var byUid = owners["items"]!.AsArray().Select(o => o!.AsObject())
            .ToDictionary(o => (string)o["metadata"]!["uid"]!, StringComparer.Ordinal);
        return [.. pods["items"]!.AsArray().Select(p => FromPod(p!.AsObject(), byUid, clusterId))];
    }

    private static ExpectedPod FromPod(JsonObject pod, Dictionary<string, JsonObject> owners, string clusterId)
    {
        var meta = pod["metadata"]!;
        var uid = (string)meta["uid"]!;
        var name = (string)meta["name"]!;
        var ns = (string)meta["namespace"]!;
        var status = pod["status"];
        var statuses = status?["containerStatuses"]?.AsArray().Select(s => s!).ToList() ?? [];

        var terminated = new List<string>();
        foreach (var s in statuses)
        {
            if (s["lastState"]?["terminated"] is { } last)
            {
                terminated.Add(InstanceId((string?)last["containerID"]));
            }

            if (s["state"]?["terminated"] is { } now)
            {
                var id = (string?)s["containerID"];
                terminated.Add(InstanceId(string.IsNullOrEmpty(id) ? (string?)now["containerID"] : id));
            }
        }

        var live = statuses
            .Where(s => s["state"]?["terminated"] is null)
            .Select(s =>
            {
                var id = InstanceId((string?)s["containerID"]);
                return ((string)s["name"]!, terminated.Contains(id) ? "" : id);
            })
            .OrderBy(l => l.Item2, StringComparer.Ordinal)
            .ToList();

        var ips = status?["podIPs"]?.AsArray().Select(i => (string)i!["ip"]!).ToList() ?? [];
        if (ips.Count == 0 && (string?)status?["podIP"] is { Length: > 0 } podIp)
        {
            ips.Add(podIp);
        }

        return new ExpectedPod(
            Uuid5.PodId(uid), name, ns, TopLevelOwnerUid(pod, owners, clusterId), (string?)pod["spec"]?["nodeName"] ?? "",
            $"{name}.{ns}@{uid}", ips, live, [.. terminated.Where(t => t.Length > 0).Distinct(StringComparer.Ordinal)]);
    }

    private static string InstanceId(string? containerId)
    {
        if (string.IsNullOrEmpty(containerId))
        {
            return "";
        }

        var separator = containerId.IndexOf("://", StringComparison.Ordinal);
        return separator < 0 ? containerId : containerId[(separator + 3)..];
    }

    private static string TopLevelOwnerUid(JsonObject pod, Dictionary<string, JsonObject> owners, string clusterId)
    {
        JsonNode current = pod;
        for (var step = 0; step < 10; step++)
        {
            var next = Follow(current);
            if (next is null)
            {
                return step > 0 ? (string)current["metadata"]!["uid"]! : Unowned(pod, clusterId);
            }

            var uid = (string)next["uid"]!;
            if (!owners.TryGetValue(uid, out var owner))
            {
                return uid;
            }

            current = owner;
        }

        return (string)current["metadata"]!["uid"]!;
    }

    private static string Unowned(JsonObject pod, string clusterId)
    {
        var meta = pod["metadata"]!;
        var labels = meta["labels"]?.AsObject();
        if ((string?)meta["namespace"] == "kube-system"
            && ((string?)labels?["component"] ?? (string?)labels?["k8s-app"]) is { } group)
        {
            return Uuid5.CreateString(Guid.Parse(clusterId), group);
        }

        return (string)meta["uid"]!;
    }

    // M-7: the tracked reference marked controller, else the first tracked one.
    private static JsonNode? Follow(JsonNode obj)
    {
        var tracked = obj["metadata"]?["ownerReferences"]?.AsArray().Select(r => r!)
            .Where(r => TrackedKinds.Contains((string?)r["kind"] ?? "") && IsNative((string?)r["apiVersion"] ?? "") && !string.IsNullOrEmpty((string?)r["uid"]))
            .ToList() ?? [];
        return tracked.FirstOrDefault(r => (bool?)r["controller"] == true) ?? tracked.FirstOrDefault();
    }

    // M-6.
    private static bool IsNative(string apiVersion)
    {
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return true;
        }

        var group = apiVersion[..slash];
        return group.Count(c => c == '.') < 2
            || group.EndsWith(".k8s.io", StringComparison.Ordinal)
            || group.EndsWith(".openshift.io", StringComparison.Ordinal);
    }
}
