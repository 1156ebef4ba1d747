namespace PodExport.Cluster.Informers;

/// <summary>The key an informer holds objects under: namespace and name (empty namespace for cluster-scoped kinds).</summary>
public readonly record struct ObjectKey(string Namespace, string Name)
{
    public override string ToString() => Namespace.Length == 0 ? Name : Namespace + "/" + Name;
}
