using k8s.Models;
using static PodExport.Simulator.Scenario.Specs.SpecParts;

namespace PodExport.Simulator.Scenario.Specs;

internal static partial class PodProfiles
{
    /// <summary>A second container as teams add them: a proxy, a log shipper or a metrics exporter.</summary>
    private static ContainerProfile Sidecar(ScenarioRandom r, ContainerSpec spec, string app, ProfileVolumes volumes) => spec.Name switch
    {
        "envoy" => new ContainerProfile
        {
            Args =
            [
                "-c", "/etc/envoy/envoy.yaml", "--service-cluster", app, "--service-node", "$(POD_NAME)", "--log-level", "warn",
                "--drain-time-s", "20", "--drain-strategy", "immediate",
            ],
            Ports = [Port("http-proxy", 15001), Port("admin", 9901)],
            Env =
            [
                FieldEnv("POD_NAME", "metadata.name"),
                FieldEnv("POD_NAMESPACE", "metadata.namespace"),
                FieldEnv("INSTANCE_IP", "status.podIP"),
                Env("ENVOY_UID", "101"),
            ],
            Resources = r.Chance(0.7) ? SpecParts.Resources("100m", "128Mi", "1", "256Mi") : SpecParts.Resources("100m", "128Mi", "100m", "128Mi"),
            Mounts = [volumes.Mount(ConfigMapVolume("envoy-config", app + "-envoy", "envoy.yaml"), "/etc/envoy", readOnly: true)],
            ReadinessProbe = Http("/ready", 9901, initialDelay: 1, period: 2, failure: 30),
            LivenessProbe = Http("/server_info", 9901, initialDelay: 10, period: 15),
            SecurityContext = new V1SecurityContext
            {
                AllowPrivilegeEscalation = false,
                Capabilities = new V1Capabilities { Drop = ["ALL"] },
                RunAsUser = 101,
                RunAsGroup = 101,
            },
        },
        "log" => new ContainerProfile
        {
            Args = ["--config=/fluent-bit/etc/fluent-bit.conf", "--parser=/fluent-bit/etc/parsers.conf"],
            Ports = [Port("http", 2020)],
            Env =
            [
                FieldEnv("POD_NAME", "metadata.name"),
                FieldEnv("POD_NAMESPACE", "metadata.namespace"),
                FieldEnv("NODE_NAME", "spec.nodeName"),
                Env("LOG_PATH", "/var/log/app/*.log"),
                Env("FORWARD_HOST", "fluentd.logging.svc.cluster.local"),
                Env("FORWARD_PORT", "24224"),
            ],
            Resources = SpecParts.Resources("20m", "32Mi", null, "64Mi"),
            Mounts =
            [
                volumes.Mount(EmptyDir("app-logs"), "/var/log/app", readOnly: true),
                volumes.Mount(ConfigMapVolume("log-config", app + "-fluent-bit", "fluent-bit.conf", "parsers.conf"), "/fluent-bit/etc", readOnly: true),
            ],
            LivenessProbe = Http("/", "http", initialDelay: 10),
        },
        _ => new ContainerProfile
        {
            Args = ["--statsd.mapping-config=/etc/statsd/mapping.yaml", "--statsd.listen-udp=:9125", "--web.listen-address=:9102"],
            Ports = [Port("metrics", 9102), Port("statsd-udp", 9125, "UDP")],
            Resources = SpecParts.Resources("10m", "32Mi", null, "64Mi"),
            Mounts = [volumes.Mount(ConfigMapVolume("statsd-mapping", app + "-statsd-mapping", "mapping.yaml"), "/etc/statsd", readOnly: true)],
            LivenessProbe = Http("/-/healthy", "metrics"),
            ReadinessProbe = Http("/-/ready", "metrics"),
            SecurityContext = HardenedContainer(),
        },
    };
}
