namespace PodExport.Query.Compilation;

/// <summary>Which objects behind a pod record a compiled query reads, so a filter can prefetch just those.</summary>
[Flags]
internal enum PodObjects
{
    None = 0,

    /// <summary>The wire pod: id, name, namespace, ids, started.</summary>
    Pod = 1,

    /// <summary>The side fields: labels, node, owner, images, restarts, deleted, cluster name.</summary>
    Attributes = 2,
}
