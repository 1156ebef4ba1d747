using k8s;
using k8s.Models;
using PodExport.Simulator.Hosting;

namespace PodExport.Simulator.Tests;

/// <summary>Starts simulators on loopback port 0 and builds the objects and clients tests use.</summary>
internal static class TestCluster
{
    public static Task<SimulatorHost> StartAsync(Action<SimulatorOptions>? configure = null)
    {
        var options = new SimulatorOptions { Port = 0, DefaultWatchTimeout = TimeSpan.FromMinutes(5) };
        configure?.Invoke(options);
        return SimulatorHost.StartAsync(options);
    }

    public static Kubernetes Client(SimulatorHost host) =>
        new(new KubernetesClientConfiguration { Host = host.BaseAddress.ToString().TrimEnd('/') });

    public static HttpClient Http(SimulatorHost host) => new() { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };

    public static V1Pod Pod(string ns, string name, string? node = null, IDictionary<string, string>? labels = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, Labels = labels ?? new Dictionary<string, string> { ["app"] = name } },
        Spec = new V1PodSpec { NodeName = node, Containers = [new V1Container { Name = "main", Image = "nginx:1.27" }] },
        Status = new V1PodStatus
        {
            Phase = "Running",
            ContainerStatuses =
            [
                new V1ContainerStatus
                {
                    Name = "main",
                    Image = "nginx:1.27",
                    ImageID = "docker.io/library/nginx@sha256:" + new string('a', 64),
                    ContainerID = "containerd://" + new string('b', 64),
                    Ready = true,
                    RestartCount = 0,
                    State = new V1ContainerState { Running = new V1ContainerStateRunning { StartedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc) } },
                },
            ],
        },
    };

    public static V1Namespace Namespace(string name) => new() { Metadata = new V1ObjectMeta { Name = name } };

    /// <summary>Creates namespace <paramref name="ns"/> and <paramref name="count"/> pods p00, p01, … in it.</summary>
    public static void Seed(SimulatorHost host, string ns, int count)
    {
        host.Store.Create(Namespace(ns));
        for (var i = 0; i < count; i++)
        {
            host.Store.Create(Pod(ns, $"p{i:D2}"));
        }
    }

    public static CancellationToken Timeout(int seconds = 10) => new CancellationTokenSource(TimeSpan.FromSeconds(seconds)).Token;
}
