using k8s.Models;

namespace PodExport.Simulator.Scenario.Specs;

/// <summary>
/// Pod spec pieces exactly as kube-apiserver returns them after defaulting (probe thresholds, port protocols, volume
/// modes, <c>fieldRef.apiVersion</c>, <c>resourceFieldRef.divisor</c>), so that the objects weigh what real ones do.
/// </summary>
internal static class SpecParts
{
    /// <summary>Where the ServiceAccount admission plugin mounts the <c>kube-api-access-*</c> volume.</summary>
    public const string TokenMountPath = "/var/run/secrets/kubernetes.io/serviceaccount";

    /// <summary>The default volume mode (0644) every configMap, secret and projected volume is given.</summary>
    public const int DefaultMode = 420;

    // The projection the ServiceAccount admission plugin writes (BoundServiceAccountTokenVolume): a token of
    // 3607 s, the cluster CA and the namespace. Shared by every pod; nothing mutates it.
    private static readonly V1ProjectedVolumeSource TokenProjection = new()
    {
        DefaultMode = DefaultMode,
        Sources =
        [
            new V1VolumeProjection { ServiceAccountToken = new V1ServiceAccountTokenProjection { ExpirationSeconds = 3607, Path = "token" } },
            new V1VolumeProjection
            {
                ConfigMap = new V1ConfigMapProjection { Name = "kube-root-ca.crt", Items = [new V1KeyToPath { Key = "ca.crt", Path = "ca.crt" }] },
            },
            new V1VolumeProjection
            {
                DownwardAPI = new V1DownwardAPIProjection
                {
                    Items = [new V1DownwardAPIVolumeFile { Path = "namespace", FieldRef = FieldSelector("metadata.namespace") }],
                },
            },
        ],
    };

    public static V1Volume TokenVolume(string name) => new() { Name = name, Projected = TokenProjection };

    public static V1VolumeMount TokenMount(string name) => new() { Name = name, MountPath = TokenMountPath, ReadOnlyProperty = true };

    public static V1Probe Http(string path, IntOrString port, int initialDelay = 0, int period = 10, int timeout = 1, int failure = 3,
        string scheme = "HTTP", string? host = null) => Probe(
        new V1Probe { HttpGet = new V1HTTPGetAction { Path = path, Port = port, Scheme = scheme, Host = host } },
        initialDelay, period, timeout, failure);

    public static V1Probe Tcp(IntOrString port, int initialDelay = 0, int period = 10, int timeout = 1, int failure = 3) => Probe(
        new V1Probe { TcpSocket = new V1TCPSocketAction { Port = port } }, initialDelay, period, timeout, failure);

    public static V1Probe Exec(string[] command, int initialDelay = 0, int period = 10, int timeout = 1, int failure = 3) => Probe(
        new V1Probe { Exec = new V1ExecAction { Command = command } }, initialDelay, period, timeout, failure);

    private static V1Probe Probe(V1Probe probe, int initialDelay, int period, int timeout, int failure)
    {
        probe.InitialDelaySeconds = initialDelay > 0 ? initialDelay : null;
        probe.PeriodSeconds = period;
        probe.TimeoutSeconds = timeout;
        probe.SuccessThreshold = 1;
        probe.FailureThreshold = failure;
        return probe;
    }

    public static V1ContainerPort Port(string? name, int port, string protocol = "TCP") =>
        new() { Name = name, ContainerPort = port, Protocol = protocol };

    public static V1EnvVar Env(string name, string value) => new() { Name = name, Value = value };

    public static V1EnvVar FieldEnv(string name, string fieldPath) =>
        new() { Name = name, ValueFrom = new V1EnvVarSource { FieldRef = FieldSelector(fieldPath) } };

    public static V1EnvVar SecretEnv(string name, string secret, string key) =>
        new() { Name = name, ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = secret, Key = key } } };

    public static V1EnvVar ConfigMapEnv(string name, string configMap, string key) =>
        new() { Name = name, ValueFrom = new V1EnvVarSource { ConfigMapKeyRef = new V1ConfigMapKeySelector { Name = configMap, Key = key } } };

    public static V1EnvVar ResourceEnv(string name, string container, string resource) => new()
    {
        Name = name,
        ValueFrom = new V1EnvVarSource
        {
            ResourceFieldRef = new V1ResourceFieldSelector { ContainerName = container, Resource = resource, Divisor = new ResourceQuantity("0") },
        },
    };

    public static V1VolumeMount Mount(string name, string path, bool readOnly = false, string? subPath = null) =>
        new() { Name = name, MountPath = path, ReadOnlyProperty = readOnly ? true : null, SubPath = subPath };

    public static V1Volume ConfigMapVolume(string name, string configMap, params string[] keys) => new()
    {
        Name = name,
        ConfigMap = new V1ConfigMapVolumeSource
        {
            Name = configMap,
            DefaultMode = DefaultMode,
            Items = keys.Length == 0 ? null : [.. keys.Select(k => new V1KeyToPath { Key = k, Path = k })],
        },
    };

    public static V1Volume SecretVolume(string name, string secret, int mode = DefaultMode) =>
        new() { Name = name, Secret = new V1SecretVolumeSource { SecretName = secret, DefaultMode = mode } };

    public static V1Volume EmptyDir(string name, string? medium = null, string? sizeLimit = null) => new()
    {
        Name = name,
        EmptyDir = new V1EmptyDirVolumeSource { Medium = medium, SizeLimit = sizeLimit is null ? null : new ResourceQuantity(sizeLimit) },
    };

    public static V1Volume HostPath(string name, string path, string type = "") =>
        new() { Name = name, HostPath = new V1HostPathVolumeSource { Path = path, Type = type } };

    public static V1Volume Claim(string name, string claimName) =>
        new() { Name = name, PersistentVolumeClaim = new V1PersistentVolumeClaimVolumeSource { ClaimName = claimName } };

    /// <summary>Requests and limits; a null quantity is left out, and no quantity at all gives <c>resources: {}</c>.</summary>
    public static V1ResourceRequirements Resources(string? cpuRequest, string? memoryRequest, string? cpuLimit = null, string? memoryLimit = null) => new()
    {
        Requests = Quantities(cpuRequest, memoryRequest),
        Limits = Quantities(cpuLimit, memoryLimit),
    };

    private static Dictionary<string, ResourceQuantity>? Quantities(string? cpu, string? memory)
    {
        if (cpu is null && memory is null)
        {
            return null;
        }

        var quantities = new Dictionary<string, ResourceQuantity>(2);
        if (cpu is not null)
        {
            quantities["cpu"] = new ResourceQuantity(cpu);
        }

        if (memory is not null)
        {
            quantities["memory"] = new ResourceQuantity(memory);
        }

        return quantities;
    }

    private static V1ObjectFieldSelector FieldSelector(string fieldPath) => new() { ApiVersion = "v1", FieldPath = fieldPath };
}
