using System.Text.Json.Nodes;
using PodExport.Server.Tests.EndToEnd.Testing;

namespace PodExport.Server.Tests.EndToEnd;

/// <summary>
/// <c>--simulate</c> end to end (issue 4 "How it is checked"): the gateway's export over HTTP equals what the real
/// kubectl reads from the same simulator, mapped by the pod-model rules; deletions follow the retention rules.
/// </summary>
public sealed class SimulateModeTests
{
    private const string OwnerKinds = "replicasets,deployments,statefulsets,daemonsets,jobs,cronjobs,replicationcontrollers";

    [Fact]
    public async Task SimulateMode_Export_EqualsKubectlPodsMappedByPodModel()
    {
        await using var app = GatewayApp.Simulating(pods: 150, churn: 0);
        using var client = await app.StartReadyAsync();
        using var kubectl = new Kubectl(await app.SimulatorAsync());
        var cluster = await ClusterAsync(kubectl);

        var export = await client.ExportOkAsync();

        Assert.Equal(
            cluster.Pods.Select(p => p.Id).Order(StringComparer.Ordinal),
            export.Pods.Select(p => (string)p["id"]!).Order(StringComparer.Ordinal));
        foreach (var expected in cluster.Pods)
        {
            AssertPod(expected, cluster.Id, export.Find(expected.Id)!);
        }

        // The comparison covers what it claims: owners resolved through a ReplicaSet to a Deployment, dual stack.
        Assert.Contains(cluster.Pods, p => cluster.Deployments.Contains(p.DeploymentId));
        Assert.Contains(cluster.Pods, p => p.Ips.Count == 2);
        Assert.Contains(cluster.Pods, p => p.Live.Count > 0);
    }

    [Fact]
    public async Task SimulateMode_PodDeletedByKubectl_RetainedWhileOwnerLivesThenReleased()
    {
        await using var app = GatewayApp.Simulating(pods: 60, churn: 0);
        using var client = await app.StartReadyAsync();
        using var kubectl = new Kubectl(await app.SimulatorAsync());
        var cluster = await ClusterAsync(kubectl);
        var victim = cluster.Pods.First(p => cluster.Deployments.Contains(p.DeploymentId) && p.Live.Any(l => l.Id.Length > 0));
        var deployment = cluster.DeploymentNames[victim.DeploymentId];

        await kubectl.RunAsync("delete", "pod", victim.Name, "-n", victim.Namespace, "--wait=false");

        // Deleted with its Deployment alive: still exported, frozen, without live instances (M-23 to M-25).
        var retained = await Eventually.ValueAsync(
            async () => (await client.ExportOkAsync()).Find(victim.Id) is { } p && p["liveInstances"]!.AsArray().Count == 0 ? p : null,
            $"pod {victim.Name} was not exported as deleted");
        Assert.Equal(victim.DeploymentId, (string)retained["deploymentId"]!);
        var terminated = TerminatedIds(retained);
        Assert.All(victim.Live.Where(l => l.Id.Length > 0), l => Assert.Contains(l.Id, terminated));
        Assert.DoesNotContain(victim.Name, (await kubectl.GetJsonAsync("get", "pods", "-A"))["items"]!.AsArray().Select(p => (string)p!["metadata"]!["name"]!));

        var deleted = await client.ExportOkAsync($"Pod Deleted:true+Namespace:\"{victim.Namespace}\"");
        Assert.Equal([victim.Name], deleted.Names);
        Assert.DoesNotContain(victim.Name, (await client.ExportOkAsync("Pod Deleted:false")).Names);

        // The owner goes: the retained pod is released (M-26 1).
        await kubectl.RunAsync("delete", "deployment", deployment, "-n", victim.Namespace, "--wait=false");
        await Eventually.HoldsAsync(
            async () => (await client.ExportOkAsync()).Find(victim.Id) is null,
            $"pod {victim.Name} stayed exported after Deployment {deployment} was deleted");
    }

    private static void AssertPod(ExpectedPod expected, string clusterId, JsonObject pod)
    {
        var what = $"pod {expected.Namespace}/{expected.Name}";
        Assert.True(expected.Name == (string)pod["name"]!, what);
        Assert.True(expected.Namespace == (string)pod["namespace"]!, what);
        Assert.True(expected.DeploymentId == (string)pod["deploymentId"]!, $"{what}: deploymentId {pod["deploymentId"]}, expected {expected.DeploymentId}");
        Assert.True(clusterId == (string)pod["clusterId"]!, what);

        var live = pod["liveInstances"]!.AsArray().Select(i => i!).ToList();
        Assert.True(
            expected.Live.SequenceEqual(live.Select(i => ((string)i["containerName"]!, (string)i["instanceId"]!["id"]!))),
            $"{what}: live instances {string.Join(", ", live.Select(i => i["instanceId"]!["id"]))}, expected {string.Join(", ", expected.Live)}");
        foreach (var instance in live.Concat(pod["terminatedInstances"]!.AsArray().SelectMany(b => b!["instances"]!.AsArray()).Select(i => i!)))
        {
            Assert.Equal(expected.Ips, instance["containerIps"]!.AsArray().Select(ip => (string)ip!));
            Assert.Equal(expected.Node, (string)instance["instanceId"]!["node"]!);
            Assert.Equal(expected.ContainingPodId, (string)instance["containingPodId"]!);
        }

        Assert.Equal(expected.TerminatedIds.Order(StringComparer.Ordinal), TerminatedIds(pod).Order(StringComparer.Ordinal));
    }

    private static List<string> TerminatedIds(JsonObject pod) =>
        [.. pod["terminatedInstances"]!.AsArray()
            .SelectMany(b => b!["instances"]!.AsArray())
            .Select(i => (string)i!["instanceId"]!["id"]!)
            .Where(id => id.Length > 0)];

    private static async Task<ClusterView> ClusterAsync(Kubectl kubectl)
    {
        var pods = await kubectl.GetJsonAsync("get", "pods", "-A");
        var owners = await kubectl.GetJsonAsync("get", OwnerKinds, "-A");
        var clusterId = (string)(await kubectl.GetJsonAsync("get", "namespace", "kube-system"))["metadata"]!["uid"]!;
        var deployments = owners["items"]!.AsArray().Select(o => o!)
            .Where(o => (string?)o["kind"] == "Deployment")
            .ToDictionary(o => (string)o["metadata"]!["uid"]!, o => (string)o["metadata"]!["name"]!, StringComparer.Ordinal);
        return new ClusterView(Guid.Parse(clusterId).ToString("D"), ExpectedPod.FromKubectl(pods, owners, clusterId), deployments);
    }

    private sealed record ClusterView(string Id, IReadOnlyList<ExpectedPod> Pods, IReadOnlyDictionary<string, string> DeploymentNames)
    {
        public IReadOnlyCollection<string> Deployments => [.. DeploymentNames.Keys];
    }
}
