namespace PodExport.Simulator.Scenario;

/// <summary>Names and images the scenario draws from, so that the cluster reads like a real one.</summary>
internal static class ScenarioCatalog
{
    public static readonly string[] Namespaces =
        ["shop", "payments", "monitoring", "data", "web", "batch", "search", "auth", "logging", "ml"];

    public static readonly string[] AppNames =
    [
        "web", "api", "cart", "checkout", "search", "auth", "billing", "catalog", "frontend", "gateway", "orders",
        "inventory", "notifier", "profile", "recommender", "reports", "shipping", "stats", "upload", "worker",
    ];

    /// <summary>StatefulSets: (name, repository, tag); the container is named after the StatefulSet.</summary>
    public static readonly (string Name, string Repository, string Tag)[] StatefulSets =
    [
        ("postgres", "docker.io/library/postgres", "16.4"),
        ("redis", "docker.io/library/redis", "7.4.1"),
        ("kafka", "docker.io/bitnami/kafka", "3.8.1"),
        ("zookeeper", "docker.io/library/zookeeper", "3.9.3"),
        ("elasticsearch", "docker.elastic.co/elasticsearch/elasticsearch", "8.15.3"),
        ("mongo", "docker.io/library/mongo", "8.0.3"),
    ];

    public static readonly string[] DaemonSetNames = ["node-exporter", "fluent-bit", "csi-node", "falco"];

    public static readonly string[] CronJobNames = ["backup", "report", "cleanup", "sync", "rotate-keys", "reindex"];

    public static readonly string[] StandaloneNames = ["debug", "toolbox", "migrate", "smoke-test", "load-test"];

    public static readonly string[] StaticComponents = ["etcd", "kube-apiserver", "kube-controller-manager", "kube-scheduler"];

    /// <summary>Main containers: (name, repository, tag).</summary>
    public static readonly (string Name, string Repository, string Tag)[] MainImages =
    [
        ("app", "docker.io/library/nginx", "1.27.2"),
        ("app", "ghcr.io/acme/api", "2.4.1"),
        ("server", "quay.io/acme/server", "1.9.0"),
        ("app", "docker.io/library/python", "3.12-slim"),
        ("main", "registry.example.com/team/service", "0.18.3"),
        ("app", "docker.io/library/node", "22-alpine"),
        ("worker", "quay.io/acme/worker", "5.2.0"),
    ];

    public static readonly (string Name, string Repository, string Tag)[] Sidecars =
    [
        ("envoy", "docker.io/envoyproxy/envoy", "v1.31.2"),
        ("log", "quay.io/acme/log", "2.0.1"),
        ("metrics", "quay.io/prometheus/statsd-exporter", "v0.27.1"),
    ];

    public static readonly (string Name, string Repository, string Tag) InitImage =
        ("init-config", "docker.io/library/busybox", "1.36.1");
}
