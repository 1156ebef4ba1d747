using k8s.Models;

namespace PodExport.Simulator.Scenario.Specs;

/// <summary>Who wrote a pod's spec: the manager of its first managed-fields entry.</summary>
internal enum SpecManager
{
    /// <summary>A workload controller (<c>kube-controller-manager</c>).</summary>
    Controller,

    /// <summary>The kubelet, for a static pod's mirror pod.</summary>
    Kubelet,

    /// <summary><c>kubectl run</c>.</summary>
    KubectlRun,

    /// <summary><c>kubectl apply</c> (client side), which also leaves the last-applied-configuration annotation.</summary>
    KubectlApply,
}

/// <summary>
/// The pod-level part of a workload's template, and one <see cref="ContainerProfile"/> per container, built once per
/// template from the scenario's seeded shape stream. Shared by reference like <see cref="ContainerProfile"/>.
/// </summary>
internal sealed record PodProfile
{
    /// <summary>Defaults only: a pod whose template sets nothing but names and images.</summary>
    public static readonly PodProfile Bare = new();

    public IReadOnlyList<ContainerProfile> Containers { get; init; } = [];

    public ContainerProfile? InitContainer { get; init; }

    /// <summary>The template's volumes (configMaps, secrets, emptyDirs, hostPaths); the token volume is added per pod.</summary>
    public IList<V1Volume> Volumes { get; init; } = [];

    /// <summary>Null: the ServiceAccount admission plugin's <c>default</c>, which no managed-fields entry owns.</summary>
    public string? ServiceAccountName { get; init; }

    /// <summary>False for pods that get no <c>kube-api-access-*</c> volume (static pods, opted-out workloads).</summary>
    public bool MountsToken { get; init; } = true;

    public bool? AutomountServiceAccountToken { get; init; }

    public V1PodSecurityContext SecurityContext { get; init; } = new();

    /// <summary>Template annotations, copied into each pod at creation. Never mutated.</summary>
    public Dictionary<string, string>? Annotations { get; init; }

    public IDictionary<string, string>? NodeSelector { get; init; }

    public V1Affinity? Affinity { get; init; }

    /// <summary>The template's tolerations; pods without any get the two default NoExecute ones from admission.</summary>
    public IList<V1Toleration>? Tolerations { get; init; }

    public IList<V1TopologySpreadConstraint>? TopologySpreadConstraints { get; init; }

    public IList<V1LocalObjectReference>? ImagePullSecrets { get; init; }

    public string? PriorityClassName { get; init; }

    public int Priority { get; init; }

    /// <summary>Null: <c>ClusterFirst</c> (<c>ClusterFirstWithHostNet</c> for host-network pods).</summary>
    public string? DnsPolicy { get; init; }

    /// <summary>StatefulSet pods: the volume claim template name mounted as <c>&lt;name&gt;-&lt;pod&gt;</c>.</summary>
    public string? ClaimTemplate { get; init; }

    /// <summary>StatefulSet pods: the headless Service, written as <c>spec.subdomain</c>.</summary>
    public string? Subdomain { get; init; }

    public SpecManager Manager { get; init; } = SpecManager.Controller;

    /// <summary><c>status.qosClass</c>, from the containers' requests and limits.</summary>
    public string QosClass { get; init; } = "BestEffort";
}
