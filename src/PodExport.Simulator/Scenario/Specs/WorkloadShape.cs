namespace PodExport.Simulator.Scenario.Specs;

/// <summary>Which family of templates a workload's pods come from; picks the shape of their spec.</summary>
internal enum WorkloadShape
{
    /// <summary>Deployments and ReplicationControllers: web services and workers, sometimes with sidecars.</summary>
    Service,

    /// <summary>Application DaemonSets: node agents.</summary>
    NodeAgent,

    /// <summary>StatefulSets: databases and brokers with a claimed data volume.</summary>
    Data,

    /// <summary>CronJob runs.</summary>
    Batch,

    /// <summary>Pods made by hand with <c>kubectl run</c> or <c>kubectl apply</c>.</summary>
    Standalone,

    /// <summary>kube-system add-ons from kubeadm (CoreDNS, kube-proxy).</summary>
    SystemAddon,
}
