using k8s.Models;
using PodExport.Cluster.Identity;
using PodExport.Cluster.Workloads;
using PodExport.Model.Wire;

namespace PodExport.Cluster.Pods;

/// <summary>
/// Turns a <see cref="V1Pod"/> into a <see cref="PodObservation"/> (pod-model M-3, M-12 to M-17, M-21). The values
/// many pods repeat come out shared (<see cref="SharedPodValues"/>), so the converter is not thread-safe.
/// </summary>
public sealed class PodConverter(bool includeInitContainers, bool includeEphemeralContainers, SharedPodValues shared)
{
    private readonly SharedPodValues _shared = shared;

    public PodConverter(bool includeInitContainers, bool includeEphemeralContainers)
        : this(includeInitContainers, includeEphemeralContainers, new SharedPodValues())
    {
    }

    /// <param name="pod">The pod as the informer delivered it.</param>
    /// <param name="observedAt">Gateway time of this update: <c>finished</c> of a termination Kubernetes gave no time for.</param>
    public PodObservation Convert(V1Pod pod, DateTimeOffset observedAt)
    {
        var meta = pod.Metadata ?? new V1ObjectMeta();
        var uid = meta.Uid ?? "";
        var name = meta.Name ?? "";
        // Namespaces and nodes are few and repeat across every pod: one shared string each saves memory, and lets the
        // export's per-pod namespace comparisons succeed on reference equality. The pool is bounded (string.Intern
        // would keep every namespace and node name ever seen).
        var shared = _shared;
        var ns = shared.String(meta.NamespaceProperty);
        var node = shared.String(pod.Spec?.NodeName);
        var status = pod.Status;

        var context = new InstanceContext(
            name.Length == 0 && ns.Length == 0 && uid.Length == 0 ? "" : $"{name}.{ns}@{uid}",
            node,
            ContainerIps(status),
            Timestamp.FromDateTimeOffset(observedAt),
            shared);

        var live = new List<ContainerInstance>();
        var liveImages = new List<string>();
        var terminated = new List<TerminatedObservation>();

        Add(status?.ContainerStatuses);
        if (includeInitContainers)
        {
            Add(status?.InitContainerStatuses);
        }

        if (includeEphemeralContainers)
        {
            Add(status?.EphemeralContainerStatuses);
        }

        var restarts = 0;
        if (status?.ContainerStatuses is { } regular)
        {
            foreach (var entry in regular)
            {
                restarts += entry?.RestartCount ?? 0;
            }
        }

        var owner = new PodOwnerInput(
            uid,
            name,
            ns,
            shared.Labels(meta.Labels),
            shared.TrackedReference(meta.OwnerReferences));

        return new PodObservation(
            Uuid5.PodId(uid), owner, node, Timestamp.FromNullable(meta.CreationTimestamp), live, shared.Share([.. liveImages]), terminated, restarts);

        void Add(IList<V1ContainerStatus>? entries)
        {
            if (entries is null)
            {
                return;
            }

            foreach (var entry in entries)
            {
                if (entry is null)
                {
                    continue;
                }

                var digest = shared.String(ContainerIds.ImageDigest(entry.ImageID));
                var name = shared.String(entry.Name);
                if (entry.LastState?.Terminated is { } last)
                {
                    terminated.Add(context.Terminated(name, last, last.ContainerID, digest));
                }

                if (entry.State?.Terminated is { } ended)
                {
                    var containerId = string.IsNullOrEmpty(entry.ContainerID) ? ended.ContainerID : entry.ContainerID;
                    terminated.Add(context.Terminated(name, ended, containerId, digest));
                    continue;
                }

                live.Add(context.Live(entry, name, digest));
                if (SpecImage(pod.Spec, entry.Name) is { Length: > 0 } specImage)
                {
                    liveImages.Add(shared.String(specImage));
                }

                if (!string.IsNullOrEmpty(entry.Image))
                {
                    liveImages.Add(shared.String(entry.Image));
                }
            }
        }
    }

    private static string[] ContainerIps(V1PodStatus? status)
    {
        if (status?.PodIPs is { Count: > 0 } podIps)
        {
            var ips = new List<string>(podIps.Count);
            foreach (var podIp in podIps)
            {
                if (!string.IsNullOrEmpty(podIp?.Ip))
                {
                    ips.Add(podIp.Ip);
                }
            }

            if (ips.Count > 0)
            {
                return [.. ips];
            }
        }

        return string.IsNullOrEmpty(status?.PodIP) ? [] : [status.PodIP];
    }

    /// <summary>The spec image of the named container; names are unique across the three lists (M-12).</summary>
    private static string? SpecImage(V1PodSpec? spec, string? name)
    {
        if (spec is null || name is null)
        {
            return null;
        }

        foreach (var container in spec.Containers ?? [])
        {
            if (container.Name == name)
            {
                return container.Image;
            }
        }

        foreach (var container in spec.InitContainers ?? [])
        {
            if (container.Name == name)
            {
                return container.Image;
            }
        }

        foreach (var container in spec.EphemeralContainers ?? [])
        {
            if (container.Name == name)
            {
                return container.Image;
            }
        }

        return null;
    }

    private sealed record InstanceContext(string ContainingPodId, string Node, string[] Ips, Timestamp ObservedAt, SharedPodValues Shared)
    {
        public ContainerInstance Live(V1ContainerStatus entry, string name, string digest) => new()
        {
            InstanceId = ContainerIds.Parse(entry.ContainerID, Node),
            ContainingPodId = ContainingPodId,
            ContainerName = name,
            ContainerIps = Ips,
            Started = Timestamp.FromNullable(entry.State?.Running?.StartedAt),
            ImageDigest = digest,
        };

        public TerminatedObservation Terminated(string containerName, V1ContainerStateTerminated state, string? containerId, string digest)
        {
            var instanceId = ContainerIds.Parse(containerId, Node);
            var instance = new ContainerInstance
            {
                InstanceId = instanceId,
                ContainingPodId = ContainingPodId,
                ContainerName = containerName,
                ContainerIps = Ips,
                Started = Timestamp.FromNullable(state.StartedAt),
                ImageDigest = digest,
                Finished = Timestamp.FromNullable(state.FinishedAt) ?? ObservedAt,
                ExitCode = state.ExitCode,
                TerminationReason = Shared.String(state.Reason),
            };
            return new TerminatedObservation(instance, TerminatedObservation.KeyOf(instanceId.Id, containerName, instance.Started, Timestamp.FromNullable(state.FinishedAt)));
        }
    }
}
