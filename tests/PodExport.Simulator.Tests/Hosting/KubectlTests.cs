using System.Diagnostics;
using k8s.Models;

namespace PodExport.Simulator.Tests.Hosting;

/// <summary>The real kubectl (1.32 via the machine's dispatcher) against the simulator, default validation on.</summary>
public class KubectlTests
{
    [Fact]
    public async Task GetPodsAllNamespaces_ListsEveryPod()
    {
        await using var host = await TestCluster.StartAsync();
        TestCluster.Seed(host, "team-a", 2);
        TestCluster.Seed(host, "team-b", 1);
        using var kubectl = new Kubectl(host);

        var (code, stdout, stderr) = await kubectl.RunAsync("get", "pods", "-A");

        Assert.True(code == 0, stderr);
        var rows = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("NAMESPACE", rows[0]);
        Assert.Equal(["team-a p00", "team-a p01", "team-b p00"], rows.Skip(1).Select(r => string.Join(' ', r.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(2))));
        Assert.DoesNotContain("error", stderr, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task GetPods_TableShowsReadyStatusAndRestarts()
    {
        await using var host = await TestCluster.StartAsync();
        host.Store.Create(TestCluster.Pod("default", "healthy"));
        var crashing = TestCluster.Pod("default", "crashing");
        var status = crashing.Status.ContainerStatuses[0];
        status.Ready = false;
        status.RestartCount = 3;
        status.State = new V1ContainerState { Waiting = new V1ContainerStateWaiting { Reason = "CrashLoopBackOff" } };
        status.LastState = new V1ContainerState { Terminated = new V1ContainerStateTerminated { ExitCode = 1, Reason = "Error", FinishedAt = DateTime.UtcNow.AddMinutes(-30).AddSeconds(-10) } };
        host.Store.Create(crashing);
        using var kubectl = new Kubectl(host);

        var (code, stdout, stderr) = await kubectl.RunAsync("get", "pods", "-n", "default");

        Assert.True(code == 0, stderr);
        var rows = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(r => r.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.Equal(["NAME", "READY", "STATUS", "RESTARTS", "AGE"], rows[0]);
        Assert.Equal(["crashing", "0/1", "CrashLoopBackOff", "3", "(30m", "ago)"], rows[1][..6]);
        Assert.Equal(["healthy", "1/1", "Running", "0"], rows[2][..4]);
    }

    [Fact]
    public async Task GetPodsJson_MatchesGroundTruth()
    {
        await using var host = await TestCluster.StartAsync();
        TestCluster.Seed(host, "team-a", 3);
        using var kubectl = new Kubectl(host);

        var (code, stdout, stderr) = await kubectl.RunAsync("get", "pods", "-A", "-o", "json");

        Assert.True(code == 0, stderr);
        var list = k8s.KubernetesJson.Deserialize<V1PodList>(stdout);
        var truth = host.Store.List<V1Pod>();
        Assert.Equal(truth.Select(p => (p.Metadata.Uid, p.Metadata.ResourceVersion)), list.Items.Select(p => (p.Metadata.Uid, p.Metadata.ResourceVersion)));
        Assert.Equal(truth.Select(p => p.Status.ContainerStatuses[0].ContainerID), list.Items.Select(p => p.Status.ContainerStatuses[0].ContainerID));
        Assert.All(list.Items, p => Assert.Equal("Pod", p.Kind));
    }

    [Fact]
    public async Task GetWorkloadKinds_AllServed()
    {
        await using var host = await TestCluster.StartAsync();
        host.Store.Create(new V1Deployment { Metadata = new() { Name = "web", NamespaceProperty = "default" } });
        host.Store.Create(new V1ReplicaSet { Metadata = new() { Name = "web-5d4f", NamespaceProperty = "default" } });
        host.Store.Create(new V1StatefulSet { Metadata = new() { Name = "db", NamespaceProperty = "default" } });
        host.Store.Create(new V1DaemonSet { Metadata = new() { Name = "agent", NamespaceProperty = "kube-system" } });
        host.Store.Create(new V1Job { Metadata = new() { Name = "backup-1", NamespaceProperty = "default" } });
        host.Store.Create(new V1CronJob { Metadata = new() { Name = "backup", NamespaceProperty = "default" } });
        using var kubectl = new Kubectl(host);

        var (code, stdout, stderr) = await kubectl.RunAsync("get", "deploy,rs,sts,ds,job,cronjob", "-A");

        Assert.True(code == 0, stderr);
        foreach (var name in new[] { "deployment.apps/web", "replicaset.apps/web-5d4f", "statefulset.apps/db", "daemonset.apps/agent", "job.batch/backup-1", "cronjob.batch/backup" })
        {
            Assert.Contains(name, stdout);
        }
    }

    [Fact]
    public async Task GetPodsWatch_SeesChange()
    {
        await using var host = await TestCluster.StartAsync();
        TestCluster.Seed(host, "default", 1);
        using var kubectl = new Kubectl(host);
        using var process = Process.Start(kubectl.StartInfo("get", "pods", "-n", "default", "-w"))!;
        try
        {
            var firstRow = await ReadLineContainingAsync(process, "p00");
            Assert.NotNull(firstRow);
            await host.WaitForWatcher("Pod");

            host.Store.Create(TestCluster.Pod("default", "newcomer"));

            Assert.NotNull(await ReadLineContainingAsync(process, "newcomer"));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task DeletePod_GracefulAndGone()
    {
        await using var host = await TestCluster.StartAsync();
        TestCluster.Seed(host, "default", 2);
        using var kubectl = new Kubectl(host);

        var (code, stdout, stderr) = await kubectl.RunAsync("delete", "pod", "p00", "-n", "default");

        Assert.True(code == 0, stderr);
        Assert.Contains("pod \"p00\" deleted", stdout);
        Assert.Null(host.Store.Get("Pod", "default", "p00"));
        Assert.NotNull(host.Store.Get("Pod", "default", "p01"));
        var changes = host.Store.History().Where(c => c.Name == "p00").Select(c => c.Type).ToList();
        Assert.Equal([PodExport.Simulator.State.ChangeType.Added, PodExport.Simulator.State.ChangeType.Modified, PodExport.Simulator.State.ChangeType.Deleted], changes);
    }

    [Fact]
    public async Task CreateFromFile_PodManifest_WithDefaultValidation()
    {
        await using var host = await TestCluster.StartAsync();
        using var kubectl = new Kubectl(host);
        var manifest = Path.Combine(kubectl.Home, "pod.yaml");
        await File.WriteAllTextAsync(manifest, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: hello
              namespace: default
              labels:
                app: hello
            spec:
              containers:
              - name: main
                image: busybox:1.36
                command: ["sleep", "3600"]
            """);

        var (code, stdout, stderr) = await kubectl.RunAsync("create", "-f", manifest);

        Assert.True(code == 0, stderr);
        Assert.Contains("pod/hello created", stdout);
        var pod = host.Store.Get<V1Pod>("default", "hello");
        Assert.NotNull(pod);
        Assert.Equal("busybox:1.36", pod.Spec.Containers.Single().Image);
        var create = await host.WaitForRequest(r => r.Verb == "create");
        Assert.Equal(201, create.StatusCode);
    }

    private static async Task<string?> ReadLineContainingAsync(Process process, string text)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.Contains(text, StringComparison.Ordinal))
            {
                return line;
            }
        }

        return null;
    }
}
