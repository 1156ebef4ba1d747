using System.Globalization;
using k8s.Models;
using PodExport.Simulator.Scenario.Specs;

namespace PodExport.Simulator.Scenario;

public sealed partial class ScenarioEngine
{
    private const string RevisionMarker = "-rev";

    private SimWorkload NewWorkload(string kind, string apiVersion, string ns, string name, Dictionary<string, string> labels,
        SimWorkload? parent, DateTime? created = null) => new()
        {
            Kind = kind,
            ApiVersion = apiVersion,
            Namespace = ns,
            Name = name,
            Uid = _random.Uid(),
            Created = created ?? Past(TimeSpan.FromHours(1), TimeSpan.FromDays(30)),
            Labels = labels,
            Selector = labels,
            Parent = parent,
        };

    private SimWorkload NewReplicaSet(SimWorkload deployment, PodTemplate template, int revision, int replicas, DateTime? created = null)
    {
        var hash = _random.Suffix(_random.Chance(0.5) ? 9 : 10);
        var labels = new Dictionary<string, string>(template.Labels) { ["pod-template-hash"] = hash };
        var rs = new SimWorkload
        {
            Kind = "ReplicaSet",
            ApiVersion = "apps/v1",
            Namespace = deployment.Namespace,
            Name = $"{deployment.Name}-{hash}",
            Uid = _random.Uid(),
            Created = created ?? PastSince(deployment.Created),
            Labels = labels,
            Selector = labels,
            Parent = deployment,
            Template = template with { Labels = labels },
            TemplateHash = hash,
            Replicas = replicas,
            Revision = revision,
        };
        deployment.Children.Add(rs);
        return rs;
    }

    private SimWorkload NewJob(SimWorkload cronJob, DateTimeOffset scheduled)
    {
        var minutes = (long)(scheduled - DateTimeOffset.UnixEpoch).TotalMinutes;
        var uid = _random.Uid();
        var name = string.Create(CultureInfo.InvariantCulture, $"{cronJob.Name}-{minutes}");
        var labels = new Dictionary<string, string>
        {
            ["batch.kubernetes.io/controller-uid"] = uid,
            ["batch.kubernetes.io/job-name"] = name,
            ["controller-uid"] = uid,
            ["job-name"] = name,
        };
        var job = new SimWorkload
        {
            Kind = "Job",
            ApiVersion = "batch/v1",
            Namespace = cronJob.Namespace,
            Name = name,
            Uid = uid,
            Created = Stamp(scheduled),
            Labels = labels,
            Selector = new Dictionary<string, string> { ["batch.kubernetes.io/controller-uid"] = uid },
            Parent = cronJob,
            Template = cronJob.Template with { Labels = labels },
        };
        cronJob.Children.Add(job);
        return job;
    }

    private PodTemplate NewTemplate(WorkloadShape shape, Dictionary<string, string> labels, string restartPolicy,
        (string Name, string Repository, string Tag)? main = null, bool sidecars = true, bool init = true)
    {
        var (name, repository, tag) = main ?? _random.Pick(ScenarioCatalog.MainImages);
        var containers = new List<ContainerSpec> { ContainerSpecFor(name, repository, tag) };
        if (sidecars)
        {
            var extra = _random.NextDouble() switch { < 0.70 => 0, < 0.95 => 1, _ => 2 };
            var first = _random.Next(ScenarioCatalog.Sidecars.Length);
            for (var i = 0; i < extra; i++)
            {
                var sidecar = ScenarioCatalog.Sidecars[(first + i) % ScenarioCatalog.Sidecars.Length];
                containers.Add(ContainerSpecFor(sidecar.Name, sidecar.Repository, sidecar.Tag));
            }
        }

        var initContainer = init && _random.Chance(_options.InitContainerFraction)
            ? ContainerSpecFor(ScenarioCatalog.InitImage.Name, ScenarioCatalog.InitImage.Repository, ScenarioCatalog.InitImage.Tag)
            : null;
        var app = labels.TryGetValue("app", out var a) ? a : labels.TryGetValue("k8s-app", out var k) ? k : labels.GetValueOrDefault("run", name);
        return new PodTemplate(labels, containers, initContainer, restartPolicy)
        {
            Profile = PodProfiles.For(_shapes, shape, app, containers, initContainer, _now),
        };
    }

    /// <summary>The template of a later revision: the main container's image gets a new tag (and digest).</summary>
    private PodTemplate Revise(PodTemplate template, int revision)
    {
        var main = template.Containers[0];
        var baseTag = main.Tag.Split(RevisionMarker)[0];
        var tag = revision <= 1 ? baseTag : string.Create(CultureInfo.InvariantCulture, $"{baseTag}{RevisionMarker}{revision}");
        return template with { Containers = [ContainerSpecFor(main.Name, main.Repository, tag), .. template.Containers.Skip(1)] };
    }

    private ContainerSpec ContainerSpecFor(string name, string repository, string tag)
    {
        var image = repository + ":" + tag;
        if (!_digests.TryGetValue(image, out var digest))
        {
            digest = _random.Hex64();
            _digests.Add(image, digest);
        }

        return new ContainerSpec(name, repository, tag, digest);
    }

    private SimPod NewOwnedPod(SimWorkload owner, DateTime created, int? ordinal = null, SimNode? node = null,
        int? completionExitCode = null, bool hostNetwork = false)
    {
        var labels = new Dictionary<string, string>(owner.Template.Labels);
        string name;
        switch (owner.Kind)
        {
            case "StatefulSet":
                name = string.Create(CultureInfo.InvariantCulture, $"{owner.Name}-{ordinal}");
                labels["controller-revision-hash"] = $"{owner.Name}-{owner.TemplateHash}";
                labels["statefulset.kubernetes.io/pod-name"] = name;
                labels["apps.kubernetes.io/pod-index"] = ordinal!.Value.ToString(CultureInfo.InvariantCulture);
                break;
            case "DaemonSet":
                name = $"{owner.Name}-{_random.Suffix(5)}";
                labels["controller-revision-hash"] = owner.TemplateHash ?? string.Empty;
                labels["pod-template-generation"] = owner.Generation.ToString(CultureInfo.InvariantCulture);
                break;
            default:
                name = $"{owner.Name}-{_random.Suffix(5)}";
                break;
        }

        return NewPod(owner.Namespace, name, owner, owner.Template, labels, created, node: node,
            completionExitCode: completionExitCode, hostNetwork: hostNetwork);
    }

    private SimPod NewStandalonePod(DateTime created)
    {
        var ns = _random.Chance(0.3) ? "default" : AppNamespace();
        var baseName = _random.Pick(ScenarioCatalog.StandaloneNames);
        var name = $"{baseName}-{_random.Suffix(5)}";
        var runToCompletion = _random.Chance(0.5);
        var labels = new Dictionary<string, string> { ["run"] = baseName };
        var template = NewTemplate(WorkloadShape.Standalone, labels, runToCompletion ? "Never" : "Always", sidecars: false, init: false);
        int? exitCode = runToCompletion ? (_random.Chance(0.7) ? 0 : 1) : null;
        var pod = NewPod(ns, name, null, template, labels, created, completionExitCode: exitCode);
        if (template.Profile.Manager == SpecManager.KubectlApply)
        {
            pod.Annotations = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["kubectl.kubernetes.io/last-applied-configuration"] = LastApplied(pod),
            };
        }

        _standalone.Add(pod);
        return pod;
    }

    private SimPod NewPod(string ns, string name, SimWorkload? owner, PodTemplate template, Dictionary<string, string> labels,
        DateTime created, SimNode? node = null, int? completionExitCode = null, string? staticComponent = null,
        V1OwnerReference? ownerReference = null, bool hostNetwork = false)
    {
        var pod = new SimPod
        {
            Namespace = ns,
            Name = name,
            Uid = _random.Uid(),
            Created = created,
            Template = template,
            Labels = labels,
            Annotations = template.Profile.Annotations,
            Owner = owner,
            OwnerReference = ownerReference ?? owner?.ToOwnerReference(),
            StaticComponent = staticComponent,
            HostNetwork = hostNetwork,
            DualStack = !hostNetwork && _random.Chance(_options.DualStackFraction),
            Node = node,
            Containers = [.. template.Containers.Select(spec => new SimContainer(spec))],
            TokenVolume = template.Profile.MountsToken ? "kube-api-access-" + _shapes.Suffix(5) : null,
            InitContainer = template.InitContainer is { } init ? new SimContainer(init) : null,
            CompletionExitCode = completionExitCode,
        };
        // The system pods stay healthy: a crash-looping kube-proxy would read as a broken cluster, not as churn.
        if (template.RestartPolicy == "Always" && ns != "kube-system")
        {
            if (_random.Chance(_options.CrashLoopFraction))
            {
                _random.Pick(pod.Containers).Fault = ContainerFault.CrashLoop;
            }
            else if (_random.Chance(_options.OomKillFraction))
            {
                _random.Pick(pod.Containers).Fault = ContainerFault.OomKill;
            }
        }

        pod.LiveIndex = _livePods.Count;
        _livePods.Add(pod);
        owner?.Pods.Add(pod);
        return pod;
    }

    /// <summary>What <c>kubectl apply</c> stores: the manifest as applied, compact, with an empty annotations map.</summary>
    private static string LastApplied(SimPod pod)
    {
        var manifest = new V1Pod
        {
            ApiVersion = "v1",
            Kind = "Pod",
            Metadata = new V1ObjectMeta
            {
                Annotations = new Dictionary<string, string>(),
                Labels = pod.Labels,
                Name = pod.Name,
                NamespaceProperty = pod.Namespace,
            },
            Spec = new V1PodSpec
            {
                Containers = [.. pod.Template.Containers.Select(c => new V1Container { Image = c.Image, Name = c.Name })],
                RestartPolicy = pod.Template.RestartPolicy,
            },
        };
        return k8s.KubernetesJson.Serialize(manifest) + "\n";
    }
}
