using System.Runtime.CompilerServices;
using System.Text.Json;
using k8s.Models;
using PodExport.Simulator.Scenario.Specs;

namespace PodExport.Simulator.Scenario;

/// <summary>
/// Turns the engine's <see cref="SimPod"/> into a new <see cref="V1Pod"/> for every write, shaped like what
/// kube-apiserver returns after defaulting and admission (managed fields, the token volume, default tolerations, QoS
/// class, volume mounts in container statuses). The store stamps <c>resourceVersion</c> on what it is given and may
/// keep it, so metadata, spec, status and their lists are new objects every time; only leaves that nothing writes
/// (the template's probes, env, ports, resources, volumes and the managed-field trees) are shared.
/// </summary>
internal static partial class PodBuilder
{
    // The creator's fields depend on the template, the owner and, for Job pods, the tracking finalizer only; computing
    // them means serializing a spec, so they are kept per template (whose instances are per owner).
    private static readonly ConditionalWeakTable<PodTemplate, CreatedFields> CreatedCache = [];

    public static V1Pod Build(SimPod pod, int gracePeriodSeconds)
    {
        var scheduled = pod.Bound && pod.Node is not null;
        var spec = Spec(pod, scheduled, gracePeriodSeconds, admitted: true);
        var status = Status(pod, scheduled, spec);
        var metadata = Metadata(pod, gracePeriodSeconds);
        metadata.ManagedFields = ManagedFieldsOf(pod, status, gracePeriodSeconds);
        return new V1Pod
        {
            ApiVersion = "v1",
            Kind = "Pod",
            Metadata = metadata,
            Spec = spec,
            Status = status,
        };
    }

    /// <summary>Job pods carry the Job controller's tracking finalizer until it has counted them.</summary>
    /// <remarks>The Job controller also lets go of a pod being deleted, before it is gone.</remarks>
    private static bool Tracked(SimPod pod) => pod.Owner is { Kind: "Job" } && !pod.IsTerminal && pod.DeletionTimestamp is null;

    private static V1ObjectMeta Metadata(SimPod pod, int gracePeriodSeconds)
    {
        var meta = new V1ObjectMeta
        {
            Name = pod.Name,
            NamespaceProperty = pod.Namespace,
            Uid = pod.Uid,
            CreationTimestamp = pod.Created,
            Labels = pod.Labels,
            Annotations = pod.Annotations,
            Finalizers = Tracked(pod) ? ["batch.kubernetes.io/job-tracking"] : null,
        };
        if (pod.OwnerReference is not null)
        {
            meta.OwnerReferences = [pod.OwnerReference];
            if (pod.Owner is not null && pod.Owner.Kind != "StatefulSet")
            {
                meta.GenerateName = pod.Owner.Name + "-";
            }
        }

        if (pod.DeletionTimestamp is not null)
        {
            meta.DeletionTimestamp = pod.DeletionTimestamp;
            meta.DeletionGracePeriodSeconds = gracePeriodSeconds;
        }

        return meta;
    }

    private static List<V1ManagedFieldsEntry> ManagedFieldsOf(SimPod pod, V1PodStatus status, int gracePeriodSeconds)
    {
        var profile = pod.Template.Profile;
        var tracked = Tracked(pod);
        var createdAt = pod.Owner is { Kind: "Job" } && !tracked ? LastStatusChange(status) ?? pod.Created : pod.Created;
        var entries = new List<V1ManagedFieldsEntry>(3)
        {
            ManagedFields.Entry(ManagedFields.ManagerName(profile.Manager), CreatedFieldsOf(pod, tracked, gracePeriodSeconds), createdAt),
        };
        if (pod.Bound)
        {
            entries.Add(ManagedFields.Entry("kubelet", ManagedFields.Status(status), LastStatusChange(status) ?? pod.Created, "status"));
        }

        if (pod.TouchedAt is { } touched && pod.Annotations is { } annotations)
        {
            entries.Add(ManagedFields.Entry("kubectl-annotate", ManagedFields.Touched(annotations.Count > 1), touched));
        }

        // The API server keeps entries ordered by time, then manager.
        entries.Sort(static (a, b) => a.Time != b.Time ? Nullable.Compare(a.Time, b.Time) : string.CompareOrdinal(a.Manager, b.Manager));
        return entries;
    }

    private static JsonElement CreatedFieldsOf(SimPod pod, bool tracked, int gracePeriodSeconds)
    {
        var cache = CreatedCache.GetOrCreateValue(pod.Template);
        var ownerUid = pod.OwnerReference?.Uid;
        if (cache.OwnerUid == ownerUid && (tracked ? cache.Tracked : cache.Plain) is { } cached)
        {
            return cached;
        }

        var creationAnnotations = pod.Annotations?.Where(a => a.Key != ManagedFields.TouchAnnotation).ToDictionary(StringComparer.Ordinal);
        var meta = new V1ObjectMeta
        {
            Labels = pod.Labels,
            Annotations = creationAnnotations is { Count: > 0 } ? creationAnnotations : null,
            OwnerReferences = pod.OwnerReference is null ? null : [pod.OwnerReference],
            GenerateName = pod.Owner is not null && pod.Owner.Kind != "StatefulSet" ? pod.Owner.Name + "-" : null,
            Finalizers = tracked ? ["batch.kubernetes.io/job-tracking"] : null,
        };
        var fields = ManagedFields.Created(meta, Spec(pod, scheduled: false, gracePeriodSeconds, admitted: false));
        if (cache.OwnerUid != ownerUid)
        {
            (cache.OwnerUid, cache.Plain, cache.Tracked) = (ownerUid, null, null);
        }

        if (tracked)
        {
            cache.Tracked = fields;
        }
        else
        {
            cache.Plain = fields;
        }

        return fields;
    }

    private sealed class CreatedFields
    {
        public string? OwnerUid { get; set; }

        public JsonElement? Plain { get; set; }

        public JsonElement? Tracked { get; set; }
    }
}
