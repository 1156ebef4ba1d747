using System.Diagnostics.CodeAnalysis;
using PodExport.Model.Json;
using PodExport.Model.Wire;

namespace PodExport.Model.Records;

/// <summary>
/// One pod as the store holds it: the pod's compact JSON line rendered once, the identity fields the export and the
/// query read, the side fields the query filters on, and the flattened list fields the query evaluates. The wire
/// object the line was rendered from is not kept (<see cref="Pod"/> rebuilds it from the line). Immutable: a change
/// makes a new record.
/// </summary>
public sealed class PodRecord
{
    private static readonly string[] NoStrings = [];
    private static readonly int[] NoInts = [];

    public PodRecord(Pod pod, PodAttributes attributes)
        : this(pod, attributes, PodJsonWriter.RenderLine(pod), previous: null, pool: null)
    {
    }

    private PodRecord(Pod pod, PodAttributes attributes, byte[] line, PodRecord? previous, IStringArrayPool? pool)
    {
        Attributes = attributes;
        Line = line;
        if (previous is not null && ReferenceEquals(line, previous.Line))
        {
            // The same bytes: the same pod, so its strings and lists can be shared instead of kept twice.
            CopyPodFields(previous, previous.DeploymentId);
            return;
        }

        Id = pod.Id;
        Name = pod.Name;
        DeploymentId = pod.DeploymentId;
        Namespace = pod.Namespace;
        ClusterId = pod.ClusterId;
        Started = pod.Started;

        var liveCount = pod.LiveInstances.Count;
        var deadCount = 0;
        foreach (var bucket in pod.TerminatedInstances)
        {
            deadCount += bucket.Instances.Count;
        }

        var names = liveCount + deadCount == 0 ? NoStrings : new string[liveCount + deadCount];
        var digests = liveCount == 0 ? NoStrings : new string[liveCount];
        var exitCodes = deadCount == 0 ? NoInts : new int[deadCount];
        var reasons = deadCount == 0 ? NoStrings : new string[deadCount];
        for (var i = 0; i < liveCount; i++)
        {
            var live = pod.LiveInstances[i];
            names[i] = live.ContainerName;
            digests[i] = live.ImageDigest;
        }

        var dead = 0;
        foreach (var bucket in pod.TerminatedInstances)
        {
            foreach (var instance in bucket.Instances)
            {
                names[liveCount + dead] = instance.ContainerName;
                exitCodes[dead] = instance.ExitCode;
                reasons[dead] = instance.TerminationReason;
                dead++;
            }
        }

        ContainerNames = names.Length == 0 || pool is null ? names : pool.Share(names);
        LiveImageDigests = digests.Length == 0 || pool is null ? digests : pool.Share(digests);
        ExitCodes = exitCodes;
        TerminationReasons = reasons.Length == 0 || pool is null ? reasons : pool.Share(reasons);
    }

    private PodRecord(PodRecord source, string deploymentId, PodAttributes attributes, byte[] line)
    {
        Attributes = attributes;
        Line = line;
        CopyPodFields(source, deploymentId);
    }

    /// <summary>
    /// A wire pod rebuilt from <see cref="Line"/> on every read (the record keeps no wire object); for tests and
    /// tools, not for a per-pod path.
    /// </summary>
    public Pod Pod => PodJsonReader.ReadLine(Line);

    public PodAttributes Attributes { get; }

    /// <summary><c>{"result":{"pod":…}}</c> + <c>\n</c>, compact, exactly as sent on the wire.</summary>
    public byte[] Line { get; }

    public string Id { get; private set; }

    public string Name { get; private set; }

    public string DeploymentId { get; private set; }

    public string ClusterId { get; private set; }

    /// <summary>The pod's creation time (<c>started</c>), when known.</summary>
    public Timestamp? Started { get; private set; }

    /// <summary>A field, not a path through the line: the export and the query read it for every pod.</summary>
    public string Namespace { get; private set; }

    /// <summary><c>containerName</c> of every live and terminated instance.</summary>
    public string[] ContainerNames { get; private set; }

    /// <summary><c>imageDigest</c> of every live instance.</summary>
    public string[] LiveImageDigests { get; private set; }

    /// <summary><c>exitCode</c> of every terminated instance.</summary>
    public int[] ExitCodes { get; private set; }

    /// <summary><c>terminationReason</c> of every terminated instance.</summary>
    public string[] TerminationReasons { get; private set; }

    /// <summary>
    /// The record of <paramref name="pod"/> with <paramref name="attributes"/>. When the pod renders the bytes of
    /// <paramref name="previous"/>, the new record shares its line and lists; when moreover the attributes are
    /// <paramref name="previous"/>'s own object, the result is <paramref name="previous"/> itself. The list fields of a
    /// new record come from <paramref name="pool"/> when one is given.
    /// </summary>
    public static PodRecord Create(Pod pod, PodAttributes attributes, PodRecord? previous, IStringArrayPool? pool = null)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(attributes);
        var line = PodJsonWriter.RenderLine(pod, previous?.Line);
        if (previous is not null && ReferenceEquals(line, previous.Line) && ReferenceEquals(attributes, previous.Attributes))
        {
            return previous;
        }

        return new PodRecord(pod, attributes, line, previous, pool);
    }

    /// <summary>This pod under another top-level owner: <c>deploymentId</c> changed, the line rendered again.</summary>
    public PodRecord WithOwner(string deploymentId, PodAttributes attributes)
    {
        ArgumentNullException.ThrowIfNull(deploymentId);
        ArgumentNullException.ThrowIfNull(attributes);
        if (deploymentId == DeploymentId)
        {
            return ReferenceEquals(attributes, Attributes) ? this : new PodRecord(this, DeploymentId, attributes, Line);
        }

        var line = PodJsonWriter.RenderLine(Pod with { DeploymentId = deploymentId });
        return new PodRecord(this, deploymentId, attributes, line);
    }

    /// <summary>The line as Go's json.Indent would print it (export-api W-25), rendered on demand from the compact line.</summary>
    public byte[] RenderPrettyLine() => PodJsonWriter.IndentLine(Line);

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

    [MemberNotNull(nameof(Id), nameof(Name), nameof(DeploymentId), nameof(ClusterId), nameof(Namespace))]
    [MemberNotNull(nameof(ContainerNames), nameof(LiveImageDigests), nameof(ExitCodes), nameof(TerminationReasons))]
    private void CopyPodFields(PodRecord source, string deploymentId)
    {
        Id = source.Id;
        Name = source.Name;
        DeploymentId = deploymentId;
        Namespace = source.Namespace;
        ClusterId = source.ClusterId;
        Started = source.Started;
        ContainerNames = source.ContainerNames;
        LiveImageDigests = source.LiveImageDigests;
        ExitCodes = source.ExitCodes;
        TerminationReasons = source.TerminationReasons;
    }
}
