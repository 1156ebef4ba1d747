using k8s.Models;

namespace PodExport.Cluster.Tests.Informers;

/// <summary>Minimal objects to write into the simulator.</summary>
internal static class TestObjects
{
    public static V1Pod Pod(string ns, string name) => new()
    {
        ApiVersion = "v1",
        Kind = "Pod",
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, Labels = new Dictionary<string, string> { ["app"] = name } },
        Spec = new V1PodSpec { NodeName = "node-1", Containers = [new V1Container { Name = "main", Image = "nginx:1.27" }] },
        Status = new V1PodStatus { Phase = "Running" },
    };

    public static V1Namespace Namespace(string name) => new() { ApiVersion = "v1", Kind = "Namespace", Metadata = new V1ObjectMeta { Name = name } };

    public static V1ReplicaSet ReplicaSet(string ns, string name, string deploymentName, string deploymentUid) => new()
    {
        ApiVersion = "apps/v1",
        Kind = "ReplicaSet",
        Metadata = new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = ns,
            Labels = new Dictionary<string, string> { ["app"] = deploymentName, ["pod-template-hash"] = "abc" },
            OwnerReferences = [new V1OwnerReference { ApiVersion = "apps/v1", Kind = "Deployment", Name = deploymentName, Uid = deploymentUid, Controller = true, BlockOwnerDeletion = true }],
        },
        Spec = new V1ReplicaSetSpec { Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = deploymentName } } },
    };

    public static V1Deployment Deployment(string ns, string name) => new()
    {
        ApiVersion = "apps/v1",
        Kind = "Deployment",
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, Labels = new Dictionary<string, string> { ["app"] = name } },
        Spec = new V1DeploymentSpec { Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = name } } },
    };

    /// <summary>Creates namespace <paramref name="ns"/> (once) and pods <c>p000</c>… in it.</summary>
    public static void Seed(PodExport.Simulator.State.ClusterStore store, string ns, int count, string prefix = "p")
    {
        if (store.Get("Namespace", null, ns) is null)
        {
            store.Create(Namespace(ns));
        }

        for (var i = 0; i < count; i++)
        {
            store.Create(Pod(ns, $"{prefix}{i:D3}"));
        }
    }
}
