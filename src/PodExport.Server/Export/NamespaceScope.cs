using System.Collections.Frozen;

namespace PodExport.Server.Export;

/// <summary>The namespaces whose pods one export may contain (export-api W-41, W-44); fixed for the export.</summary>
public sealed class NamespaceScope
{
    private readonly FrozenSet<string>? _namespaces;

    private NamespaceScope(FrozenSet<string>? namespaces) => _namespaces = namespaces;

    /// <summary>Every namespace: authentication disabled, or a cluster-wide grant.</summary>
    public static NamespaceScope All { get; } = new(null);

    public bool IsAll => _namespaces is null;

    /// <summary>Only these namespaces (ordinal names).</summary>
    public static NamespaceScope Only(IEnumerable<string> namespaces) =>
        new(namespaces.ToFrozenSet(StringComparer.Ordinal));

    public bool Allows(string ns) => _namespaces is null || _namespaces.Contains(ns);
}
