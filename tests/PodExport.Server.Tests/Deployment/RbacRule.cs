using System.Text.Json.Nodes;

namespace PodExport.Server.Tests.Deployment;

/// <summary>One permission (API group, resource, verb, resource name), the unit RBAC rule sets are compared in.</summary>
public readonly record struct RbacRule(string ApiGroup, string Resource, string Verb, string? ResourceName = null)
{
    /// <summary>OPERATIONS.md §1.3: list and watch of exactly the kinds the informers watch.</summary>
    public static IReadOnlySet<RbacRule> Watch { get; } = Expand(
        ("", ["pods", "replicationcontrollers"], ["list", "watch"], null),
        ("apps", ["replicasets", "deployments", "statefulsets", "daemonsets"], ["list", "watch"], null),
        ("batch", ["jobs", "cronjobs"], ["list", "watch"], null));

    /// <summary>OPERATIONS.md §1.3: get of the kube-system namespace only (its UID is the cluster ID).</summary>
    public static IReadOnlySet<RbacRule> ClusterId { get; } = Expand(("", ["namespaces"], ["get"], "kube-system"));

    /// <summary>OPERATIONS.md §1.3: the two reviews, only with <c>auth.mode: Kubernetes</c>.</summary>
    public static IReadOnlySet<RbacRule> Reviews { get; } = Expand(
        ("authentication.k8s.io", ["tokenreviews"], ["create"], null),
        ("authorization.k8s.io", ["subjectaccessreviews"], ["create"], null));

    public static IReadOnlySet<RbacRule> Union(params IReadOnlySet<RbacRule>[] sets) =>
        sets.SelectMany(s => s).ToHashSet();

    /// <summary>The permissions of a <c>rules:</c> list (PolicyRule objects as JSON nodes).</summary>
    public static IReadOnlySet<RbacRule> FromRules(JsonNode? rules)
    {
        var result = new HashSet<RbacRule>();
        foreach (var rule in rules?.AsArray() ?? [])
        {
            var names = Strings(rule?["resourceNames"]);
            foreach (var group in Strings(rule?["apiGroups"]))
            {
                foreach (var resource in Strings(rule?["resources"]))
                {
                    foreach (var verb in Strings(rule?["verbs"]))
                    {
                        foreach (var name in names.Count == 0 ? [null] : names.Cast<string?>())
                        {
                            result.Add(new RbacRule(group, resource, verb, name));
                        }
                    }
                }
            }
        }

        return result;
    }

    /// <summary>The permissions of typed PolicyRules from KubernetesClient.</summary>
    public static IReadOnlySet<RbacRule> FromPolicyRules(IEnumerable<k8s.Models.V1PolicyRule> rules) =>
        FromRules(System.Text.Json.JsonSerializer.SerializeToNode(rules.Select(r => new
        {
            apiGroups = r.ApiGroups,
            resources = r.Resources,
            verbs = r.Verbs,
            resourceNames = r.ResourceNames,
        })));

    public override string ToString() =>
        $"{(ApiGroup.Length == 0 ? "core" : ApiGroup)}/{Resource}{(ResourceName is null ? "" : "/" + ResourceName)}: {Verb}";

    private static List<string> Strings(JsonNode? node) =>
        node?.AsArray().Select(n => n!.GetValue<string>()).ToList() ?? [];

    private static HashSet<RbacRule> Expand(params (string Group, string[] Resources, string[] Verbs, string? Name)[] rules) =>
        rules.SelectMany(r => r.Resources.SelectMany(res => r.Verbs.Select(v => new RbacRule(r.Group, res, v, r.Name))))
            .ToHashSet();
}
