using System.Buffers;
using System.Text.Json;
using k8s;
using k8s.Models;

namespace PodExport.Simulator.Scenario.Specs;

/// <summary>
/// <c>metadata.managedFields</c> entries as kube-apiserver records them for a pod: one Update by whoever created it
/// (a controller, the kubelet for a mirror pod, or kubectl), one Update of the <c>status</c> subresource by the
/// kubelet, and one by <c>kubectl annotate</c> once someone annotated the pod. Fields that admission plugins add
/// (the token volume, default tolerations, priority) are owned by nobody, as on a real server.
/// </summary>
internal static class ManagedFields
{
    /// <summary>The annotation the scenario's metadata-only churn writes.</summary>
    public const string TouchAnnotation = "podexport.io/touched";

    private static readonly HashSet<string> NoneExisting = new(StringComparer.Ordinal);

    // Present (as null) in a zero Pod, so the create does not own the node itself, only what is under it.
    private static readonly HashSet<string> SpecExisting = new(StringComparer.Ordinal) { "containers" };

    private static readonly JsonElement TouchedNew = FieldSet.Parse(
        """{"f:metadata":{"f:annotations":{".":{},"f:podexport.io/touched":{}}}}"""u8);

    private static readonly JsonElement TouchedExisting = FieldSet.Parse(
        """{"f:metadata":{"f:annotations":{"f:podexport.io/touched":{}}}}"""u8);

    public static string ManagerName(SpecManager manager) => manager switch
    {
        SpecManager.Kubelet => "kubelet",
        SpecManager.KubectlRun => "kubectl-run",
        SpecManager.KubectlApply => "kubectl-client-side-apply",
        _ => "kube-controller-manager",
    };

    public static V1ManagedFieldsEntry Entry(string manager, JsonElement fields, DateTime? time, string? subresource = null) => new()
    {
        ApiVersion = "v1",
        FieldsType = "FieldsV1",
        FieldsV1 = fields,
        Manager = manager,
        Operation = "Update",
        Subresource = subresource,
        Time = time,
    };

    /// <summary>The fields of the pod as its creator sent it (metadata and spec, before admission).</summary>
    public static JsonElement Created(V1ObjectMeta metadata, V1PodSpec spec)
    {
        using var document = JsonDocument.Parse(KubernetesJson.Serialize(new V1Pod { Metadata = metadata, Spec = spec }));
        var root = document.RootElement;
        return FieldSet.Build(
        [
            ("metadata", root.GetProperty("metadata"), NoneExisting),
            ("spec", root.GetProperty("spec"), SpecExisting),
        ]);
    }

    /// <summary><c>kubectl annotate</c>'s entry; it owns the annotations map itself when the pod had none.</summary>
    public static JsonElement Touched(bool hadAnnotations) => hadAnnotations ? TouchedExisting : TouchedNew;

    /// <summary>
    /// The kubelet's status fields: every status field it writes, the conditions it manages (not PodScheduled, which
    /// the binding set) with <c>lastProbeTime</c> (always there, as null), and the pod IPs by key.
    /// </summary>
    public static JsonElement Status(V1PodStatus status)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = FieldSet.Writer(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("f:status");
            if (status.Conditions is { Count: > 0 } conditions)
            {
                writer.WriteStartObject("f:conditions");
                foreach (var condition in conditions.Where(c => c.Type != "PodScheduled").OrderBy(c => c.Type, StringComparer.Ordinal))
                {
                    writer.WriteStartObject("k:{\"type\":\"" + condition.Type + "\"}");
                    FieldSet.WriteLeaf(writer, ".");
                    FieldSet.WriteLeaf(writer, "f:lastProbeTime");
                    FieldSet.WriteLeaf(writer, "f:lastTransitionTime");
                    Leaf(writer, "f:message", condition.Message);
                    Leaf(writer, "f:reason", condition.Reason);
                    FieldSet.WriteLeaf(writer, "f:status");
                    FieldSet.WriteLeaf(writer, "f:type");
                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
            }

            Leaf(writer, "f:containerStatuses", status.ContainerStatuses);
            Leaf(writer, "f:hostIP", status.HostIP);
            Leaf(writer, "f:hostIPs", status.HostIPs);
            Leaf(writer, "f:initContainerStatuses", status.InitContainerStatuses);
            Leaf(writer, "f:phase", status.Phase);
            Leaf(writer, "f:podIP", status.PodIP);
            if (status.PodIPs is { Count: > 0 } ips)
            {
                writer.WriteStartObject("f:podIPs");
                FieldSet.WriteLeaf(writer, ".");
                foreach (var ip in ips.OrderBy(i => i.Ip, StringComparer.Ordinal))
                {
                    writer.WriteStartObject("k:{\"ip\":\"" + ip.Ip + "\"}");
                    FieldSet.WriteLeaf(writer, ".");
                    FieldSet.WriteLeaf(writer, "f:ip");
                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
            }

            Leaf(writer, "f:startTime", status.StartTime);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return FieldSet.Parse(buffer.WrittenSpan);
    }

    private static void Leaf(Utf8JsonWriter writer, string name, object? value)
    {
        if (value is not null)
        {
            FieldSet.WriteLeaf(writer, name);
        }
    }
}
