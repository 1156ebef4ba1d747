using System.Globalization;
using k8s.Models;
using PodExport.Simulator.Scenario.Specs;

namespace PodExport.Simulator.Scenario;

public sealed partial class ScenarioEngine
{
    private readonly List<SimNode> _nodes = [];
    private readonly List<SimNode> _workers = [];
    private readonly List<string> _appNamespaces = [];
    private readonly List<SimWorkload> _deployments = [];
    private readonly List<SimWorkload> _statefulSets = [];
    private readonly List<SimWorkload> _daemonSets = [];
    private readonly List<SimWorkload> _cronJobs = [];
    private readonly List<SimPod> _standalone = [];
    private readonly Dictionary<string, string> _digests = [];
    private readonly HashSet<string> _names = [];
    private readonly Dictionary<string, int> _nameSuffixes = [];
    private static readonly TimeSpan CompletedJobDuration = TimeSpan.FromSeconds(40);
    private int _standaloneTarget;

    /// <summary>
    /// Creates the initial objects, each already in its steady state (one ADDED per object): namespaces, nodes,
    /// kube-system static pods, workloads and roughly <see cref="ScenarioOptions.Pods"/> running pods, and schedules
    /// the churn. Runs once; <see cref="RunAsync"/> and <see cref="RunUntil"/> call it when it has not run.
    /// </summary>
    public void Seed()
    {
        lock (_gate)
        {
            if (_seeded)
            {
                throw new InvalidOperationException("The scenario is already seeded.");
            }

            SeedCore();
        }
    }

    private void SeedCore()
    {
        _seeded = true;
        _now = _timeProvider.GetUtcNow();
        var o = _options;
        var workers = o.Nodes ?? Math.Max(5, (o.Pods + 29) / 30);
        var controlPlanes = o.ControlPlaneNodes ?? (workers >= 30 ? 3 : 1);
        var namespaces = o.Namespaces ?? Math.Clamp(o.Pods / 100, 3, 100);
        var statefulSets = o.StatefulSets ?? Math.Max(1, o.Pods / 1000);
        var daemonSets = o.DaemonSets ?? 1;
        var controllers = o.ReplicationControllers ?? 1;
        var cronJobs = o.CronJobs ?? Math.Max(2, o.Pods / 2000);
        _standaloneTarget = o.StandalonePods ?? Math.Max(3, o.Pods / 200);

        SeedNamespaces(namespaces);
        SeedNodes(controlPlanes, workers);
        foreach (var node in _nodes.Where(n => n.ControlPlane))
        {
            SeedStaticPods(node);
        }

        SeedSystemWorkloads();
        for (var i = 0; i < daemonSets; i++)
        {
            SeedDaemonSet(ScenarioCatalog.DaemonSetNames[i % ScenarioCatalog.DaemonSetNames.Length], AppNamespace(), "app");
        }

        for (var i = 0; i < statefulSets; i++)
        {
            SeedStatefulSet();
        }

        for (var i = 0; i < controllers; i++)
        {
            SeedReplicationController();
        }

        for (var i = 0; i < cronJobs; i++)
        {
            SeedCronJob();
        }

        for (var i = 0; i < _standaloneTarget; i++)
        {
            SeedStandalonePod();
        }

        var maxReplicas = o.MaxReplicas ?? (o.Pods >= 2000 ? 20 : 5);
        if (o.Deployments is { } deployments)
        {
            for (var i = 0; i < deployments; i++)
            {
                SeedDeployment(AppNamespace(), _random.Next(1, maxReplicas + 1));
            }
        }
        else
        {
            for (var remaining = o.Pods - _livePods.Count; remaining > 0;)
            {
                var replicas = Math.Min(remaining, _random.Next(1, maxReplicas + 1));
                SeedDeployment(AppNamespace(), replicas);
                remaining -= replicas;
            }
        }

        ScheduleBackground();
    }

    private void SeedNamespaces(int count)
    {
        var created = Past(TimeSpan.FromDays(90), TimeSpan.FromDays(120));
        foreach (var name in new[] { "kube-system", "default", "kube-public", "kube-node-lease" })
        {
            Create(NodeBuilder.Namespace(name, _random.Uid(), created));
        }

        for (var i = 0; i < count; i++)
        {
            var name = i < ScenarioCatalog.Namespaces.Length
                ? ScenarioCatalog.Namespaces[i]
                : string.Create(CultureInfo.InvariantCulture, $"team-{i - ScenarioCatalog.Namespaces.Length + 1:000}");
            _appNamespaces.Add(name);
            Create(NodeBuilder.Namespace(name, _random.Uid(), Past(TimeSpan.FromDays(30), TimeSpan.FromDays(90))));
        }
    }

    private void SeedNodes(int controlPlanes, int workers)
    {
        var created = Past(TimeSpan.FromDays(60), TimeSpan.FromDays(90));
        for (var i = 0; i < controlPlanes + workers; i++)
        {
            var controlPlane = i < controlPlanes;
            var worker = i - controlPlanes + 1;

            // Mostly containerd; every 8th worker from the 2nd runs Docker and every 8th from the 5th CRI-O, so that
            // even a 5-worker cluster shows all three container ID forms.
            var (runtime, version) = controlPlane ? ("containerd", "containerd://1.7.22")
                : (worker % 8) switch
                {
                    2 => ("docker", "docker://27.3.1"),
                    5 => ("cri-o", "cri-o://1.31.1"),
                    _ => ("containerd", "containerd://1.7.22"),
                };
            var name = controlPlane
                ? string.Create(CultureInfo.InvariantCulture, $"cp-{i + 1}")
                : string.Create(CultureInfo.InvariantCulture, $"worker-{worker}");
            var node = new SimNode(name, i, controlPlane, runtime, version) { Uid = _random.Uid(), Created = created };
            node.NextHost = _random.Next(HostsPerNode);
            _nodes.Add(node);
            if (!controlPlane)
            {
                _workers.Add(node);
            }

            Create(NodeBuilder.Node(node));
        }
    }

    private void SeedStaticPods(SimNode node)
    {
        foreach (var component in ScenarioCatalog.StaticComponents)
        {
            var tag = component == "etcd" ? "3.5.16-0" : "v1.32.4";
            var template = new PodTemplate(
                new Dictionary<string, string> { ["component"] = component, ["tier"] = "control-plane" },
                [ContainerSpecFor(component, "registry.k8s.io/" + component, tag)],
                null,
                "Always")
            {
                Profile = PodProfiles.Static(component, node.Name, node.InternalIp),
            };
            var pod = NewPod("kube-system", $"{component}-{node.Name}", null, template, template.Labels, node.Created,
                node: node, staticComponent: component, hostNetwork: true,
                ownerReference: new V1OwnerReference { ApiVersion = "v1", Kind = "Node", Name = node.Name, Uid = node.Uid, Controller = true });
            var hash = _random.Hex64()[..32];
            var mirror = _random.Hex64()[..32];
            var seen = node.Created.AddTicks(_shapes.Next(10_000_000)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'00Z'", CultureInfo.InvariantCulture);
            var annotations = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["kubernetes.io/config.hash"] = hash,
                ["kubernetes.io/config.mirror"] = mirror,
                ["kubernetes.io/config.seen"] = seen,
                ["kubernetes.io/config.source"] = "file",
            };
            switch (component)
            {
                case "kube-apiserver":
                    annotations["kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint"] = node.InternalIp + ":6443";
                    break;
                case "etcd":
                    annotations["kubeadm.kubernetes.io/etcd.advertise-client-urls"] = "https://" + node.InternalIp + ":2379";
                    break;
                default:
                    break;
            }

            pod.Annotations = new Dictionary<string, string>(annotations, StringComparer.Ordinal);
            SeedRunning(pod);
        }
    }

    private void ScheduleBackground()
    {
        if (_options.ChurnPerSecond <= 0)
        {
            return;
        }

        foreach (var cronJob in _cronJobs)
        {
            var next = CronSlot(_now) + TimeSpan.FromMinutes(_options.CronJobIntervalMinutes);
            var cj = cronJob;
            At(next - _now + _random.Seconds(0, 2), () => CronTick(cj, next));
        }

        ScheduleRollout();
        ScheduleDrain();

        // Pacing counts events from here on; the seed's ADDEDs would otherwise stall random churn for a minute.
        _eventsAtLastTick = Interlocked.Read(ref _events);
        At(_random.Exponential(TimeSpan.FromSeconds(1 / _options.ChurnPerSecond)), ChurnTick);
    }

    private DateTimeOffset CronSlot(DateTimeOffset time)
    {
        var interval = TimeSpan.FromMinutes(_options.CronJobIntervalMinutes).Ticks;
        return new DateTimeOffset(time.UtcTicks - (time.UtcTicks % interval), TimeSpan.Zero);
    }

    private DateTime Past(TimeSpan minAge, TimeSpan maxAge) => Stamp(_now - _random.Between(minAge, maxAge));

    /// <summary>A creation time after <paramref name="since"/> and at least 15 minutes ago.</summary>
    private DateTime PastSince(DateTime since)
    {
        var maxAge = _now.UtcDateTime - since;
        var minAge = TimeSpan.FromMinutes(15);
        return maxAge <= minAge ? Stamp(since) : Past(minAge, maxAge);
    }

    private string AppNamespace() => _random.Pick(_appNamespaces);

    private string UniqueName(string ns, string name)
    {
        // Remembers the next suffix per base name: probing web, web-2, … from the start is quadratic at 100 000 pods.
        var key = ns + "/" + name;
        _nameSuffixes.TryGetValue(key, out var suffix);
        var candidate = suffix == 0 ? name : string.Create(CultureInfo.InvariantCulture, $"{name}-{suffix}");
        while (!_names.Add(ns + "/" + candidate))
        {
            suffix = Math.Max(suffix + 1, 2);
            candidate = string.Create(CultureInfo.InvariantCulture, $"{name}-{suffix}");
        }

        _nameSuffixes[key] = Math.Max(suffix + 1, 2);
        return candidate;
    }
}
