using PodExport.Model.Json;
using PodExport.Model.Wire;

namespace PodExport.Model.Records;

/// <summary>
/// One pod as the store holds it: the wire pod, the side fields the query filters on, the flattened list fields
/// the query evaluates, and the pod's compact JSON line rendered once. Immutable: a change makes a new record.
/// </summary>
public sealed class PodRecord
{
    public PodRecord(Pod pod, PodAttributes attributes)
    {
        Pod = pod;
        Attributes = attributes;
        Namespace = pod.Namespace;
        Line = PodJsonWriter.RenderLine(pod);

        var names = new List<string>(pod.LiveInstances.Count);
        var digests = new List<string>(pod.LiveInstances.Count);
        foreach (var live in pod.LiveInstances)
        {
            names.Add(live.ContainerName);
            digests.Add(live.ImageDigest);
        }

        var exitCodes = new List<int>();
        var reasons = new List<string>();
        foreach (var bucket in pod.TerminatedInstances)
        {
            foreach (var dead in bucket.Instances)
            {
                names.Add(dead.ContainerName);
                exitCodes.Add(dead.ExitCode);
                reasons.Add(dead.TerminationReason);
            }
        }

        ContainerNames = [.. names];
        LiveImageDigests = [.. digests];
        ExitCodes = [.. exitCodes];
        TerminationReasons = [.. reasons];
    }

    public Pod Pod { get; }

    public PodAttributes Attributes { get; }

    /// <summary><c>{"result":{"pod":…}}</c> + <c>\n</c>, compact, exactly as sent on the wire.</summary>
    public byte[] Line { get; }

    public string Id => Pod.Id;

    public string Name => Pod.Name;

    public string DeploymentId => Pod.DeploymentId;

    public string ClusterId => Pod.ClusterId;

    /// <summary>The pod's creation time (<c>started</c>), when known.</summary>
    public Timestamp? Started => Pod.Started;

    /// <summary>The line as Go's json.Indent would print it (export-api W-25), rendered on demand.</summary>
    public byte[] RenderPrettyLine() => PodJsonWriter.RenderPrettyLine(Pod);

    /// <summary>A field, not a path through <see cref="Pod"/>: the export and the query read it for every pod.</summary>
    public string Namespace { get; }

    /// <summary><c>containerName</c> of every live and terminated instance.</summary>
    public string[] ContainerNames { get; }

    /// <summary><c>imageDigest</c> of every live instance.</summary>
    public string[] LiveImageDigests { get; }

    /// <summary><c>exitCode</c> of every terminated instance.</summary>
    public int[] ExitCodes { get; }

    /// <summary><c>terminationReason</c> of every terminated instance.</summary>
    public string[] TerminationReasons { get; }

    /// <summary>The export order: namespace, name, id, each ordinal (export-api W-38).</summary>
    public static int CompareExportOrder(PodRecord? left, PodRecord? right)
    {
        if (ReferenceEquals(left, right))
        {
            return 0;
        }

        if (left is null)
        {
            return -1;
        }

        if (right is null)
        {
            return 1;
        }

        var c = string.CompareOrdinal(left.Namespace, right.Namespace);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(left.Name, right.Name);
        return c != 0 ? c : string.CompareOrdinal(left.Id, right.Id);
    }
}
