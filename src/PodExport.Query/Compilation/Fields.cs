using System.Runtime.InteropServices;
using PodExport.Model.Records;

namespace PodExport.Query.Compilation;

/// <summary>
/// Field accessors as static interface members on structs: a predicate generic over the accessor is compiled
/// once per field with the access inlined, without a delegate call per pod.
/// </summary>
internal interface IStringField
{
    static abstract string Get(PodRecord pod);
}

internal interface IStringListField
{
    static abstract ReadOnlySpan<string> Get(PodRecord pod);
}

internal interface IMapField
{
    static abstract IReadOnlyDictionary<string, string> Get(PodRecord pod);
}

internal readonly struct PodIdField : IStringField
{
    public static string Get(PodRecord pod) => pod.Id;
}

internal readonly struct PodNameField : IStringField
{
    public static string Get(PodRecord pod) => pod.Name;
}

internal readonly struct DeploymentIdField : IStringField
{
    public static string Get(PodRecord pod) => pod.DeploymentId;
}

internal readonly struct NamespaceField : IStringField
{
    public static string Get(PodRecord pod) => pod.Namespace;
}

internal readonly struct ClusterIdField : IStringField
{
    public static string Get(PodRecord pod) => pod.ClusterId;
}

internal readonly struct ClusterField : IStringField
{
    public static string Get(PodRecord pod) => pod.Attributes.ClusterName;
}

internal readonly struct DeploymentField : IStringField
{
    public static string Get(PodRecord pod) => pod.Attributes.OwnerName;
}

internal readonly struct DeploymentTypeField : IStringField
{
    public static string Get(PodRecord pod) => pod.Attributes.OwnerKind;
}

internal readonly struct PodUidField : IStringField
{
    public static string Get(PodRecord pod) => pod.Attributes.PodUid;
}

internal readonly struct NodeField : IStringField
{
    public static string Get(PodRecord pod) => pod.Attributes.Node;
}

internal readonly struct ContainerImageDigestField : IStringListField
{
    public static ReadOnlySpan<string> Get(PodRecord pod) => pod.LiveImageDigests;
}

internal readonly struct ContainerNameField : IStringListField
{
    public static ReadOnlySpan<string> Get(PodRecord pod) => pod.ContainerNames;
}

internal readonly struct TerminationReasonField : IStringListField
{
    public static ReadOnlySpan<string> Get(PodRecord pod) => pod.TerminationReasons;
}

internal readonly struct ImageField : IStringListField
{
    public static ReadOnlySpan<string> Get(PodRecord pod) => pod.Attributes.Images switch
    {
        string[] array => array,
        List<string> list => CollectionsMarshal.AsSpan(list),
        var other => Copy(other),
    };

    private static string[] Copy(IReadOnlyList<string> list)
    {
        var copy = new string[list.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = list[i];
        }

        return copy;
    }
}

internal readonly struct PodLabelField : IMapField
{
    public static IReadOnlyDictionary<string, string> Get(PodRecord pod) => pod.Attributes.Labels;
}

internal readonly struct DeploymentLabelField : IMapField
{
    public static IReadOnlyDictionary<string, string> Get(PodRecord pod) => pod.Attributes.OwnerLabels;
}
