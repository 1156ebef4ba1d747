namespace PodExport.Simulator.State;

/// <summary>Namespace and name; the namespace is empty for cluster-scoped objects.</summary>
public readonly record struct ObjectKey(string Namespace, string Name)
{
    /// <summary>Orders by namespace, then name (ordinal), as kube-apiserver lists do.</summary>
    public static int Compare(ObjectKey a, ObjectKey b)
    {
        var c = string.CompareOrdinal(a.Namespace, b.Namespace);
        return c != 0 ? c : string.CompareOrdinal(a.Name, b.Name);
    }

    public override string ToString() => Namespace.Length == 0 ? Name : $"{Namespace}/{Name}";
}
