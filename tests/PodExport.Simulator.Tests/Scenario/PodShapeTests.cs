using System.Text.Json;
using k8s.Models;
using PodExport.Simulator.Scenario.Specs;

namespace PodExport.Simulator.Tests.Scenario;

/// <summary>The scenario's pods look like what kube-apiserver returns after defaulting and admission.</summary>
public sealed class PodShapeTests(BusyScenarioFixture fixture) : IClassFixture<BusyScenarioFixture>
{
    private IEnumerable<V1Pod> Pods => fixture.PodEvents.Where(p => p.Event.Type != "DELETED").Select(p => p.Pod);

    private IEnumerable<V1Pod> AdmittedPods => Pods.Where(p => p.Metadata.Annotations?.ContainsKey("kubernetes.io/config.mirror") != true);

    [Fact]
    public void Pods_NotMirrorPods_HaveTheTokenVolumeMountedInEveryContainer()
    {
        var withToken = 0;
        foreach (var pod in AdmittedPods)
        {
            Assert.Equal(pod.Spec.ServiceAccountName, pod.Spec.ServiceAccount);
            Assert.False(string.IsNullOrEmpty(pod.Spec.ServiceAccountName));
            var token = pod.Spec.Volumes?.SingleOrDefault(v => v.Name.StartsWith("kube-api-access-", StringComparison.Ordinal));
            if (token is null)
            {
                Assert.False(pod.Spec.AutomountServiceAccountToken);
                continue;
            }

            withToken++;
            Assert.Same(token, pod.Spec.Volumes![^1]);
            Assert.Matches("^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$", token.Name);
            var sources = token.Projected.Sources;
            Assert.Equal(3607, sources[0].ServiceAccountToken.ExpirationSeconds);
            Assert.Equal("kube-root-ca.crt", sources[1].ConfigMap.Name);
            Assert.Equal("ca.crt", sources[1].ConfigMap.Items.Single().Key);
            Assert.Equal("metadata.namespace", sources[2].DownwardAPI.Items.Single().FieldRef.FieldPath);
            foreach (var container in pod.Spec.Containers.Concat(pod.Spec.InitContainers ?? []))
            {
                var mount = container.VolumeMounts[^1];
                Assert.Equal((token.Name, SpecParts.TokenMountPath, (bool?)true), (mount.Name, mount.MountPath, mount.ReadOnlyProperty));
            }
        }

        Assert.True(withToken > 100, $"{withToken} pods with a token volume");
    }

    [Fact]
    public void Pods_AfterAdmission_CarryTheApiServerDefaults()
    {
        foreach (var pod in Pods)
        {
            var spec = pod.Spec;
            Assert.True(spec.EnableServiceLinks);
            Assert.Equal("PreemptLowerPriority", spec.PreemptionPolicy);
            Assert.Equal("default-scheduler", spec.SchedulerName);
            Assert.NotNull(spec.SecurityContext);
            Assert.NotNull(spec.Priority);
            foreach (var container in spec.Containers.Concat(spec.InitContainers ?? []))
            {
                Assert.Equal("/dev/termination-log", container.TerminationMessagePath);
                Assert.Equal("File", container.TerminationMessagePolicy);
                Assert.Equal("IfNotPresent", container.ImagePullPolicy == "Always" ? "IfNotPresent" : container.ImagePullPolicy);
                Assert.NotNull(container.Resources);
                Assert.All(container.Ports ?? [], p => Assert.NotNull(p.Protocol));
            }

            // Every pod tolerates not-ready and unreachable nodes: from admission (300 s), its DaemonSet, or a wildcard.
            Assert.All(new[] { "node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable" }, key => Assert.Contains(
                spec.Tolerations,
                t => (t.Key == key && t.Effect == "NoExecute" && (t.TolerationSeconds == 300 || pod.Metadata.OwnerReferences?[0].Kind == "DaemonSet"))
                    || (t.Key is null && t.OperatorProperty == "Exists")));
        }
    }

    [Fact]
    public void Pods_QosClass_FollowsTheContainersResources()
    {
        var classes = new HashSet<string>();
        foreach (var pod in Pods)
        {
            var containers = pod.Spec.Containers.Concat(pod.Spec.InitContainers ?? []).ToList();
            var any = containers.Exists(c => c.Resources.Requests?.Count > 0 || c.Resources.Limits?.Count > 0);
            var guaranteed = containers.TrueForAll(c => new[] { "cpu", "memory" }.All(r =>
                c.Resources.Limits?.TryGetValue(r, out var limit) == true
                && c.Resources.Requests?.TryGetValue(r, out var request) == true
                && request.ToString() == limit.ToString()));
            var expected = !any ? "BestEffort" : guaranteed ? "Guaranteed" : "Burstable";
            Assert.Equal(expected, pod.Status.QosClass);
            classes.Add(expected);
        }

        Assert.Equal(["BestEffort", "Burstable", "Guaranteed"], classes.Order());
    }

    [Fact]
    public void Pods_WithAContainerTheProfileLeavesBare_AreNeverGuaranteed()
    {
        // Seed 42 at 5 000 pods has StatefulSet pods whose main container limits at its requests and whose sidecar
        // has no resources: Burstable on a real server, and the case the busy fixture above does not reach.
        var (engine, writer, _) = ScenarioTestKit.Create(ScenarioTestKit.Busy(seed: 42, pods: 5000));
        engine.Seed();

        var pods = writer.Events.Select(e => e.Object).OfType<V1Pod>().ToList();
        var withBareSidecar = pods.Where(p => p.Spec.Containers.Count > 1 && p.Spec.Containers.Any(
            c => c.Resources.Requests is not { Count: > 0 } && c.Resources.Limits is not { Count: > 0 })).ToList();

        Assert.NotEmpty(withBareSidecar);
        Assert.All(withBareSidecar, p => Assert.NotEqual("Guaranteed", p.Status.QosClass));
    }

    [Fact]
    public void ContainerStatuses_OfCreatedContainers_ReportTheSpecMounts()
    {
        var checkedStatuses = 0;
        foreach (var pod in Pods.Where(p => p.Status.ContainerStatuses is not null))
        {
            var specs = pod.Spec.Containers.Concat(pod.Spec.InitContainers ?? []).ToDictionary(c => c.Name);
            foreach (var status in fixture.Statuses(pod))
            {
                if (string.IsNullOrEmpty(status.ContainerID))
                {
                    Assert.Null(status.VolumeMounts);
                    continue;
                }

                var expected = specs[status.Name].VolumeMounts?.Select(m => (m.Name, m.MountPath, m.ReadOnlyProperty == true ? "Disabled" : (string?)null)) ?? [];
                Assert.Equal<(string, string, string?)>(expected, status.VolumeMounts?.Select(m => (m.Name, m.MountPath, (string?)m.RecursiveReadOnly)) ?? []);
                Assert.All(status.VolumeMounts ?? [], m => Assert.Equal(m.RecursiveReadOnly is not null ? true : null, m.ReadOnlyProperty));
                checkedStatuses++;
            }
        }

        Assert.True(checkedStatuses > 100);
    }

    [Fact]
    public void ManagedFields_NameTheCreatorAndTheKubelet()
    {
        var managers = new HashSet<string>();
        foreach (var pod in Pods)
        {
            var entries = pod.Metadata.ManagedFields;
            Assert.All(entries, e => Assert.Equal(("v1", "FieldsV1", "Update"), (e.ApiVersion, e.FieldsType, e.Operation)));
            Assert.Equal(entries.OrderBy(e => e.Time).ToList(), entries);
            var creator = entries.Single(e => e.Subresource is null && e.Manager != "kubectl-annotate");
            var expectedCreator = pod.Metadata.OwnerReferences?[0].Kind switch
            {
                "Node" => "kubelet",
                null => pod.Metadata.Annotations?.ContainsKey("kubectl.kubernetes.io/last-applied-configuration") == true
                    ? "kubectl-client-side-apply"
                    : "kubectl-run",
                _ => "kube-controller-manager",
            };
            Assert.Equal(expectedCreator, creator.Manager);
            managers.Add(creator.Manager);

            var fields = Fields(creator);
            var containers = fields.GetProperty("f:spec").GetProperty("f:containers");
            Assert.Equal(pod.Spec.Containers.Select(c => $$"""k:{"name":"{{c.Name}}"}""").Order(StringComparer.Ordinal),
                containers.EnumerateObject().Select(p => p.Name));
            if (pod.Metadata.OwnerReferences is [var owner])
            {
                Assert.True(fields.GetProperty("f:metadata").GetProperty("f:ownerReferences").TryGetProperty($$"""k:{"uid":"{{owner.Uid}}"}""", out _));
            }

            // Admission's additions belong to nobody.
            Assert.DoesNotContain("kube-api-access-", creator.FieldsV1.ToString(), StringComparison.Ordinal);
            Assert.False(fields.GetProperty("f:spec").TryGetProperty("f:priority", out _));

            var kubelet = entries.SingleOrDefault(e => e.Subresource == "status");
            Assert.Equal(pod.Spec.NodeName is not null, kubelet is not null);
            if (kubelet is not null)
            {
                Assert.Equal("kubelet", kubelet.Manager);
                var status = Fields(kubelet).GetProperty("f:status");
                var ips = status.TryGetProperty("f:podIPs", out var podIps) ? podIps.EnumerateObject().Select(p => p.Name).Where(n => n != ".") : [];
                Assert.Equal((pod.Status.PodIPs ?? []).Select(ip => $$"""k:{"ip":"{{ip.Ip}}"}""").Order(StringComparer.Ordinal), ips);
                Assert.False(status.GetProperty("f:conditions").TryGetProperty("""k:{"type":"PodScheduled"}""", out _));
            }
        }

        Assert.Equal(["kube-controller-manager", "kubectl-client-side-apply", "kubectl-run", "kubelet"], managers.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ManagedFields_OfAnAnnotatedPod_IncludeKubectlAnnotate()
    {
        var touched = Pods.Where(p => p.Metadata.Annotations?.ContainsKey(ManagedFields.TouchAnnotation) == true).ToList();
        Assert.NotEmpty(touched);
        Assert.All(touched, pod =>
        {
            var entry = Assert.Single(pod.Metadata.ManagedFields, e => e.Manager == "kubectl-annotate");
            Assert.True(Fields(entry).GetProperty("f:metadata").GetProperty("f:annotations").TryGetProperty("f:" + ManagedFields.TouchAnnotation, out _));
        });
    }

    [Fact]
    public void Pods_OfOneReplicaSet_ShareTheirShape_AndWorkloadsDiffer()
    {
        static string Shape(V1Pod pod) => string.Join('|', pod.Spec.Containers.Select(c =>
            $"{c.Name}:{c.Env?.Count}:{c.Ports?.Count}:{c.VolumeMounts?.Count}:{c.Resources.Requests?.Count}:{c.LivenessProbe is not null}"));

        var byOwner = Pods.Where(p => p.Metadata.OwnerReferences?[0].Kind == "ReplicaSet")
            .GroupBy(p => p.Metadata.OwnerReferences[0].Uid)
            .Select(g => g.Select(Shape).Distinct().ToList())
            .ToList();
        Assert.All(byOwner, shapes => Assert.Single(shapes));
        Assert.True(byOwner.Select(s => s[0]).Distinct().Count() > 10, "the ReplicaSets' pods should not all look alike");
    }

    [Fact]
    public void Pods_Json_WeighWhatRealPodsDo()
    {
        var sizes = Pods.Select(p => k8s.KubernetesJson.Serialize(p).Length).ToList();
        Assert.InRange(sizes.Average(), 6_000, 14_000);
    }

    private static JsonElement Fields(V1ManagedFieldsEntry entry) => Assert.IsType<JsonElement>(entry.FieldsV1);
}
