using k8s;
using k8s.Models;

namespace PodExport.Simulator.State;

/// <summary>
/// One resource kind the simulator serves: its names, group/version, scope and the KubernetesClient model type.
/// </summary>
public sealed class ResourceKind
{
    private readonly Func<string, IKubernetesObject<V1ObjectMeta>> _parse;

    private ResourceKind(
        int index,
        string kind,
        string plural,
        string group,
        bool namespaced,
        string[] shortNames,
        Type clrType,
        string schemaPackage,
        Func<string, IKubernetesObject<V1ObjectMeta>> parse)
    {
        Index = index;
        Kind = kind;
        Plural = plural;
        Group = group;
        Version = "v1";
        Namespaced = namespaced;
        ShortNames = shortNames;
        ClrType = clrType;
        SchemaName = $"io.k8s.api.{schemaPackage}.v1.{kind}";
        _parse = parse;
    }

    public static ResourceKind Pod { get; } = Create<V1Pod>(0, "Pod", "pods", "", true, ["po"], "core");

    public static ResourceKind Namespace { get; } = Create<V1Namespace>(1, "Namespace", "namespaces", "", false, ["ns"], "core");

    public static ResourceKind Node { get; } = Create<V1Node>(2, "Node", "nodes", "", false, ["no"], "core");

    public static ResourceKind ReplicationController { get; } =
        Create<V1ReplicationController>(3, "ReplicationController", "replicationcontrollers", "", true, ["rc"], "core");

    public static ResourceKind ReplicaSet { get; } = Create<V1ReplicaSet>(4, "ReplicaSet", "replicasets", "apps", true, ["rs"], "apps");

    public static ResourceKind Deployment { get; } = Create<V1Deployment>(5, "Deployment", "deployments", "apps", true, ["deploy"], "apps");

    public static ResourceKind StatefulSet { get; } = Create<V1StatefulSet>(6, "StatefulSet", "statefulsets", "apps", true, ["sts"], "apps");

    public static ResourceKind DaemonSet { get; } = Create<V1DaemonSet>(7, "DaemonSet", "daemonsets", "apps", true, ["ds"], "apps");

    public static ResourceKind Job { get; } = Create<V1Job>(8, "Job", "jobs", "batch", true, [], "batch");

    public static ResourceKind CronJob { get; } = Create<V1CronJob>(9, "CronJob", "cronjobs", "batch", true, ["cj"], "batch");

    /// <summary>Every served kind, indexed by <see cref="Index"/>.</summary>
    public static IReadOnlyList<ResourceKind> All { get; } =
        [Pod, Namespace, Node, ReplicationController, ReplicaSet, Deployment, StatefulSet, DaemonSet, Job, CronJob];

    /// <summary>Position in <see cref="All"/>.</summary>
    public int Index { get; }

    /// <summary>The kind name, e.g. <c>ReplicaSet</c>.</summary>
    public string Kind { get; }

    /// <summary>The resource name in paths, e.g. <c>replicasets</c>.</summary>
    public string Plural { get; }

    public string Singular => Kind.ToLowerInvariant();

    /// <summary>API group; empty for the core group.</summary>
    public string Group { get; }

    public string Version { get; }

    public bool Namespaced { get; }

    public IReadOnlyList<string> ShortNames { get; }

    public Type ClrType { get; }

    /// <summary><c>v1</c> or <c>apps/v1</c>.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    public string ListKind => Kind + "List";

    /// <summary>The OpenAPI schema name, e.g. <c>io.k8s.api.apps.v1.ReplicaSet</c>.</summary>
    public string SchemaName { get; }

    /// <summary>The path prefix of the group/version: <c>/api/v1</c> or <c>/apis/apps/v1</c>.</summary>
    public string GroupVersionPath => Group.Length == 0 ? "/api/v1" : $"/apis/{Group}/{Version}";

    /// <summary>Finds a kind by kind name, plural or short name, ignoring case.</summary>
    public static ResourceKind? Find(string name) =>
        All.FirstOrDefault(k =>
            string.Equals(k.Kind, name, StringComparison.OrdinalIgnoreCase) ||
            string.Equals(k.Plural, name, StringComparison.OrdinalIgnoreCase) ||
            k.ShortNames.Contains(name, StringComparer.OrdinalIgnoreCase));

    /// <summary>Finds the kind served at <c>group/version/plural</c>.</summary>
    public static ResourceKind? FindByPath(string group, string version, string plural) =>
        All.FirstOrDefault(k => k.Group == group && k.Version == version && k.Plural == plural);

    /// <summary>The kind of a model object, by its CLR type.</summary>
    public static ResourceKind ForObject(IKubernetesObject<V1ObjectMeta> obj) =>
        All.FirstOrDefault(k => k.ClrType == obj.GetType())
        ?? throw new ArgumentException($"The simulator does not serve {obj.GetType().Name}.", nameof(obj));

    /// <summary>Parses JSON of this kind into its model type.</summary>
    public IKubernetesObject<V1ObjectMeta> Parse(string json) => _parse(json);

    public override string ToString() => Kind;

    private static ResourceKind Create<T>(int index, string kind, string plural, string group, bool namespaced, string[] shortNames, string schemaPackage)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        new(index, kind, plural, group, namespaced, shortNames, typeof(T), schemaPackage,
            json => KubernetesJson.Deserialize<T>(json) ?? throw new FormatException($"Empty {kind} body."));
}
