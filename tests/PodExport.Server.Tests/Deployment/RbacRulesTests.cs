using System.Text.Json.Nodes;

namespace PodExport.Server.Tests.Deployment;

/// <summary>OPERATIONS.md §1.3: the rule set is pinned, so that any new verb or resource fails the build.</summary>
public sealed class RbacRulesTests
{
    private static readonly IReadOnlySet<RbacRule> _testRole = new HashSet<RbacRule> { new("", "pods", "list") };

    [Fact]
    public void ClusterRole_KubernetesAuth_IsWatchRulesClusterIdAndReviews()
    {
        var rules = ClusterRoleRules("auth: {mode: Kubernetes}");

        AssertRules(RbacRule.Union(RbacRule.Watch, RbacRule.ClusterId, RbacRule.Reviews), rules);
    }

    [Theory]
    [InlineData("auth: {mode: None}")]
    [InlineData("auth: {mode: StaticTokens, staticTokensSecret: tokens}")]
    public void ClusterRole_OtherAuthModes_HaveNoReviews(string overlay)
    {
        AssertRules(RbacRule.Union(RbacRule.Watch, RbacRule.ClusterId), ClusterRoleRules(overlay));
    }

    [Theory]
    [InlineData("Kubernetes")]
    [InlineData("None")]
    public void Namespaced_MovesListWatchIntoRolesAndKeepsClusterScopedRules(string mode)
    {
        var helm = HelmLite.ForChart((JsonObject)YamlTree.Load(
            $"{{rbac: {{namespaced: true}}, watch: {{namespaces: [team-a, team-b]}}, auth: {{mode: {mode}}}}}")!);

        var clusterRole = helm.RenderFile("clusterrole.yaml").Single();
        var roles = helm.RenderFile("role.yaml");
        var bindings = helm.RenderFile("rolebinding.yaml");

        var expectedCluster = mode == "Kubernetes" ? RbacRule.Union(RbacRule.ClusterId, RbacRule.Reviews) : RbacRule.ClusterId;
        AssertRules(expectedCluster, RbacRule.FromRules(clusterRole["rules"]));
        var role = Assert.Single(roles); // the renderer runs a range once; helm renders one Role per namespace
        Assert.Equal("Role", role["kind"]!.GetValue<string>());
        Assert.Equal("team-a", role["metadata"]!["namespace"]!.GetValue<string>());
        AssertRules(RbacRule.Watch, RbacRule.FromRules(role["rules"]));
        Assert.Equal("Role", Assert.Single(bindings)["roleRef"]!["kind"]!.GetValue<string>());
        Assert.Contains("range .Values.watch.namespaces", ChartFiles.ReadTemplate("role.yaml"), StringComparison.Ordinal);
    }

    [Fact]
    public void Roles_NotNamespaced_AreNotRendered()
    {
        var helm = HelmLite.ForChart();

        Assert.Empty(helm.RenderFile("role.yaml"));
        Assert.Empty(helm.RenderFile("rolebinding.yaml"));
    }

    [Fact]
    public void RbacCreateOff_RendersNoRbac()
    {
        var helm = HelmLite.ForChart((JsonObject)YamlTree.Load("rbac: {create: false}")!);

        Assert.All(new[] { "clusterrole.yaml", "clusterrolebinding.yaml", "role.yaml", "rolebinding.yaml" },
            t => Assert.Empty(helm.RenderFile(t)));
    }

    [Fact]
    public void ClusterRoleBinding_BindsTheGatewayServiceAccount()
    {
        var helm = HelmLite.ForChart();
        var binding = helm.RenderFile("clusterrolebinding.yaml").Single();
        var account = helm.RenderFile("serviceaccount.yaml").Single();
        var deployment = helm.RenderFile("deployment.yaml").Single();

        Assert.Equal("ClusterRole", binding["roleRef"]!["kind"]!.GetValue<string>());
        Assert.Equal(helm.RenderFile("clusterrole.yaml").Single()["metadata"]!["name"]!.GetValue<string>(), binding["roleRef"]!["name"]!.GetValue<string>());
        var subject = binding["subjects"]!.AsArray().Single()!;
        Assert.Equal(account["metadata"]!["name"]!.GetValue<string>(), subject["name"]!.GetValue<string>());
        Assert.Equal(account["metadata"]!["name"]!.GetValue<string>(), deployment["spec"]!["template"]!["spec"]!["serviceAccountName"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(ChartFiles.CiValuesData), MemberType = typeof(ChartFiles))]
    public void EveryRenderedRule_IsWithinTheAllowedSet(string valuesFile)
    {
        var helm = ChartFiles.ForCiValues(valuesFile);
        var allowed = RbacRule.Union(RbacRule.Watch, RbacRule.ClusterId, RbacRule.Reviews);

        foreach (var template in ChartFiles.YamlTemplates)
        {
            foreach (var document in helm.RenderFile(template).Where(d => d["rules"] is not null))
            {
                var rules = RbacRule.FromRules(document["rules"]);
                var name = document["metadata"]!["name"]!.GetValue<string>();
                if (template.StartsWith("tests/", StringComparison.Ordinal))
                {
                    AssertRules(_testRole, rules);
                }
                else
                {
                    Assert.True(rules.IsSubsetOf(allowed), $"{template} {name} grants {string.Join(", ", rules.Except(allowed))}");
                }
            }
        }
    }

    [Fact]
    public void PlainManifestClusterRole_EqualsTheKubernetesAuthRules()
    {
        var role = PlainManifests.Load().OfType<k8s.Models.V1ClusterRole>().Single();

        AssertRules(RbacRule.Union(RbacRule.Watch, RbacRule.ClusterId, RbacRule.Reviews), RbacRule.FromPolicyRules(role.Rules));
    }

    private static IReadOnlySet<RbacRule> ClusterRoleRules(string overlay) =>
        RbacRule.FromRules(HelmLite.ForChart((JsonObject)YamlTree.Load(overlay)!).RenderFile("clusterrole.yaml").Single()["rules"]);

    private static void AssertRules(IReadOnlySet<RbacRule> expected, IReadOnlySet<RbacRule> actual)
    {
        var missing = expected.Except(actual).ToList();
        var extra = actual.Except(expected).ToList();

        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"RBAC differs from OPERATIONS.md §1.3.\nmissing: {string.Join(", ", missing)}\nextra: {string.Join(", ", extra)}");
    }
}
