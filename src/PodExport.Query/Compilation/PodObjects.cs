namespace PodExport.Query.Compilation;

/// <summary>Which objects behind a pod record a compiled query reads, so a filter can prefetch just those.</summary>
[Flags]
internal enum PodObjects
{
    None = 0,

    /// <summary>The record's own fields: ids, name, namespace, started.</summary>
    Pod = 1 << 0,

    /// <summary>The side fields: node, owner, images, restarts, deleted, cluster name.</summary>
    Attributes = 1 << 1,

    /// <summary>The name string (needs <see cref="Pod"/>).</summary>
    Name = 1 << 2,

    /// <summary>The namespace string (needs <see cref="Pod"/>).</summary>
    Namespace = 1 << 3,

    /// <summary>The pod's labels (needs <see cref="Attributes"/>).</summary>
    Labels = 1 << 4,

    /// <summary>The owner's labels (needs <see cref="Attributes"/>).</summary>
    OwnerLabels = 1 << 5,

    ContainerNames = 1 << 6,

    LiveImageDigests = 1 << 7,

    ExitCodes = 1 << 8,

    TerminationReasons = 1 << 9,
}
