using System.Globalization;
using System.Text;
using k8s.Models;

namespace PodExport.Simulator.Tests.Scenario;

/// <summary>One line per event with the fields the gateway derives from, for golden files and comparisons.</summary>
public static class EventFormatter
{
    public static string Format(IEnumerable<RecordedEvent> events)
    {
        var text = new StringBuilder();
        foreach (var e in events)
        {
            text.Append(Format(e)).Append('\n');
        }

        return text.ToString();
    }

    public static string Format(RecordedEvent e)
    {
        var o = e.Object;
        var line = new StringBuilder();
        line.Append(CultureInfo.InvariantCulture, $"{e.ResourceVersion} {e.Type} {o.Kind} {o.Metadata.NamespaceProperty}/{o.Metadata.Name}");
        line.Append(CultureInfo.InvariantCulture, $" uid={Short(o.Metadata.Uid)} created={Time(o.Metadata.CreationTimestamp)}");
        if (o.Metadata.OwnerReferences is { Count: > 0 } owners)
        {
            line.Append(" owner=").AppendJoin(',', owners.Select(r => $"{r.Kind}/{r.Name}/{Short(r.Uid)}"));
        }

        if (o.Metadata.DeletionTimestamp is { } deleted)
        {
            line.Append(" deleting=").Append(Time(deleted));
        }

        switch (o)
        {
            case V1Pod pod:
                AppendPod(line, pod);
                break;
            case V1Node node:
                line.Append(CultureInfo.InvariantCulture, $" unschedulable={node.Spec.Unschedulable == true} runtime={node.Status.NodeInfo.ContainerRuntimeVersion}");
                break;
            case V1Deployment d:
                line.Append(CultureInfo.InvariantCulture, $" replicas={d.Spec.Replicas} gen={d.Metadata.Generation} image={d.Spec.Template.Spec.Containers[0].Image}");
                break;
            case V1ReplicaSet rs:
                line.Append(CultureInfo.InvariantCulture, $" replicas={rs.Spec.Replicas} hash={rs.Metadata.Labels["pod-template-hash"]}");
                break;
            case V1StatefulSet sts:
                line.Append(CultureInfo.InvariantCulture, $" replicas={sts.Spec.Replicas} revision={sts.Status.UpdateRevision}");
                break;
            case V1Job job:
                line.Append(CultureInfo.InvariantCulture, $" active={job.Status.Active} succeeded={job.Status.Succeeded} failed={job.Status.Failed}");
                break;
            case V1CronJob cj:
                line.Append(CultureInfo.InvariantCulture, $" last={Time(cj.Status.LastScheduleTime)} active={cj.Status.Active?.Count ?? 0}");
                break;
            default:
                break;
        }

        return line.ToString();
    }

    private static void AppendPod(StringBuilder line, V1Pod pod)
    {
        line.Append(CultureInfo.InvariantCulture, $" phase={pod.Status.Phase} node={pod.Spec.NodeName} start={Time(pod.Status.StartTime)}");
        if (pod.Status.PodIPs is { } ips)
        {
            line.Append(" ips=").AppendJoin(',', ips.Select(ip => ip.Ip));
        }

        foreach (var s in (pod.Status.InitContainerStatuses ?? []).Select(s => ("init:", s)).Concat((pod.Status.ContainerStatuses ?? []).Select(s => ("", s))))
        {
            var (prefix, status) = s;
            line.Append(CultureInfo.InvariantCulture, $" [{prefix}{status.Name} {State(status.State)} restarts={status.RestartCount} id={Short(status.ContainerID)} image={Short(status.ImageID)}");
            if (status.LastState?.Terminated is { } last)
            {
                line.Append(" last=").Append(State(status.LastState));
            }

            line.Append(']');
        }
    }

    private static string State(V1ContainerState? state) => state switch
    {
        { Running: { } r } => $"running@{Time(r.StartedAt)}",
        { Terminated: { } t } => string.Create(CultureInfo.InvariantCulture,
            $"terminated({t.ExitCode},{t.Reason},{Time(t.StartedAt)}..{Time(t.FinishedAt)},{Short(t.ContainerID)})"),
        { Waiting: { } w } => $"waiting({w.Reason})",
        _ => "none",
    };

    /// <summary>UIDs, container IDs and digests cut to 8 or 12 characters: enough to tell them apart in a golden file.</summary>
    private static string Short(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return "-";
        }

        var at = id.IndexOf("sha256:", StringComparison.Ordinal);
        if (at >= 0)
        {
            return string.Concat(id.AsSpan(0, at + 7), id.AsSpan(at + 7, 12));
        }

        var scheme = id.IndexOf("://", StringComparison.Ordinal);
        return scheme >= 0
            ? string.Concat(id.AsSpan(0, scheme + 3), id.AsSpan(scheme + 3, Math.Min(12, id.Length - scheme - 3)))
            : id[..Math.Min(8, id.Length)];
    }

    private static string Time(DateTime? time) =>
        time?.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) ?? "-";
}
