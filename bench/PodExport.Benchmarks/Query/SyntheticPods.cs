using PodExport.Model.Records;
using PodExport.Model.Wire;

namespace PodExport.Benchmarks.Query;

/// <summary>Seeded synthetic pod records shaped like a busy cluster, for the query benchmarks.</summary>
internal static class SyntheticPods
{
    private static readonly string[] Namespaces = ["shop", "shop-eu", "payments", "kube-system", "default", "monitoring", "search", "billing"];
    private static readonly string[] Apps = ["web", "api", "worker", "db", "cache", "frontend", "webhook", "exporter"];
    private static readonly string[] Kinds = ["Deployment", "StatefulSet", "DaemonSet", "Job", "ReplicaSet"];

    public static PodRecord[] Create(int count, int seed = 42)
    {
        var random = new Random(seed);
        var started = new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero);
        var pods = new PodRecord[count];
        for (var i = 0; i < count; i++)
        {
            var app = Apps[random.Next(Apps.Length)];
            var hash = random.Next(0x100000, 0xFFFFFF).ToString("x6", System.Globalization.CultureInfo.InvariantCulture);
            var name = $"{app}-{hash}-{i % 1000}";
            var terminated = random.Next(10) == 0
                ? new[] { new Pod.ContainerInstanceList([new ContainerInstance { ContainerName = app, ExitCode = random.Next(2) == 0 ? 137 : 1, TerminationReason = "OOMKilled" }]) }
                : [];
            var pod = new Pod
            {
                Id = Guid.NewGuid().ToString(),
                Name = name,
                DeploymentId = Guid.NewGuid().ToString(),
                Namespace = Namespaces[random.Next(Namespaces.Length)],
                ClusterId = "6a4e1f0c-58d2-4c3b-9e7a-1d2c3b4a5f60",
                LiveInstances = [new ContainerInstance { ContainerName = app, ImageDigest = "sha256:" + hash }],
                TerminatedInstances = terminated,
                Started = Timestamp.FromDateTimeOffset(started.AddMinutes(-random.Next(60 * 24 * 60))),
            };
            var attributes = new PodAttributes
            {
                PodUid = Guid.NewGuid().ToString(),
                Node = $"worker-{random.Next(50)}",
                Labels = new Dictionary<string, string> { ["app"] = app, ["pod-template-hash"] = hash, ["tier"] = random.Next(2) == 0 ? "front" : "back" },
                OwnerLabels = new Dictionary<string, string> { ["app"] = app },
                Images = [$"registry.example.com/{app}:1.{random.Next(20)}"],
                OwnerName = app,
                OwnerKind = Kinds[random.Next(Kinds.Length)],
                RestartCount = random.Next(5),
            };
            pods[i] = new PodRecord(pod, attributes);
        }

        return pods;
    }
}
