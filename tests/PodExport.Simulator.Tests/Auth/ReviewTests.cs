using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using PodExport.Simulator.Auth;
using PodExport.Simulator.Faults;

namespace PodExport.Simulator.Tests.Auth;

public class ReviewTests
{
    private const string Yaml = """
        users:
        - token: t-admin          # bearer token
          user: admin
          groups: [system:masters]
          allow: ["*"]
        - token: t-prod
          user: alice
          allow: [prod, prod-eu]
        - token: t-none
          user: bob
          allow: []
        """;

    private static async Task<PodExport.Simulator.Hosting.SimulatorHost> StartAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), $"auth-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(path, Yaml);
        try
        {
            return await TestCluster.StartAsync(o => o.AuthConfigPath = path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static Task<V1TokenReview> ReviewTokenAsync(Kubernetes client, string token) =>
        client.AuthenticationV1.CreateTokenReviewAsync(new V1TokenReview { Spec = new V1TokenReviewSpec { Token = token, Audiences = ["pod-export"] } });

    private static async Task<bool> CanListPodsAsync(Kubernetes client, string user, string? ns, IList<string>? groups = null)
    {
        var review = await client.AuthorizationV1.CreateSubjectAccessReviewAsync(new V1SubjectAccessReview
        {
            Spec = new V1SubjectAccessReviewSpec
            {
                User = user,
                Groups = groups,
                ResourceAttributes = new V1ResourceAttributes { NamespaceProperty = ns, Verb = "list", Group = "", Version = "v1", Resource = "pods" },
            },
        });
        return review.Status.Allowed;
    }

    [Fact]
    public void AuthConfigLoader_IssueExample_ParsesUsers()
    {
        var users = AuthConfigLoader.Parse(Yaml);

        Assert.Equal(["admin", "alice", "bob"], users.Select(u => u.User));
        Assert.Equal(["system:masters"], users[0].Groups);
        Assert.Equal(["*"], users[0].Allow);
        Assert.Equal(["prod", "prod-eu"], users[1].Allow);
        Assert.Empty(users[2].Allow);
    }

    [Fact]
    public async Task TokenReview_KnownAndUnknownTokens()
    {
        await using var host = await StartAsync();
        var client = TestCluster.Client(host);

        var alice = await ReviewTokenAsync(client, "t-prod");
        var unknown = await ReviewTokenAsync(client, "t-nope");

        Assert.True(alice.Status.Authenticated);
        Assert.Equal("alice", alice.Status.User.Username);
        Assert.Contains("system:authenticated", alice.Status.User.Groups);
        Assert.Equal(["pod-export"], alice.Status.Audiences);
        Assert.False(unknown.Status.Authenticated);
        Assert.Equal(2, host.Auth.TokenReviewCount);
    }

    [Fact]
    public async Task SubjectAccessReview_NamespacesAndClusterWide()
    {
        await using var host = await StartAsync();
        var client = TestCluster.Client(host);

        Assert.True(await CanListPodsAsync(client, "alice", "prod"));
        Assert.True(await CanListPodsAsync(client, "alice", "prod-eu"));
        Assert.False(await CanListPodsAsync(client, "alice", "dev"));
        Assert.False(await CanListPodsAsync(client, "alice", ""));
        Assert.True(await CanListPodsAsync(client, "admin", ""));
        Assert.False(await CanListPodsAsync(client, "bob", "prod"));
        Assert.False(await CanListPodsAsync(client, "mallory", "prod"));
        Assert.True(await CanListPodsAsync(client, "someone", "", groups: ["system:masters"]));
        Assert.Equal(8, host.Auth.SubjectAccessReviewCount);
    }

    [Fact]
    public async Task Revocation_AtRuntime_ChangesAnswers()
    {
        await using var host = await StartAsync();
        var client = TestCluster.Client(host);
        Assert.True(await CanListPodsAsync(client, "alice", "prod"));

        host.Auth.SetAllow("alice", []);
        Assert.False(await CanListPodsAsync(client, "alice", "prod"));

        Assert.True(host.Auth.RemoveToken("t-prod"));
        Assert.False((await ReviewTokenAsync(client, "t-prod")).Status.Authenticated);

        host.Auth.Upsert(new AuthUser("t-new", "carol") { Allow = ["*"] });
        Assert.True((await ReviewTokenAsync(client, "t-new")).Status.Authenticated);
        Assert.True(await CanListPodsAsync(client, "carol", ""));
    }

    [Theory]
    [InlineData(403)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task ReviewFault_Status_ClientSeesHttpError(int code)
    {
        await using var host = await StartAsync();
        host.Faults.Add(new FaultRule(FaultKind.HttpStatus) { StatusCode = code, Verb = FaultVerb.Review });
        var client = TestCluster.Client(host);

        var e = await Assert.ThrowsAsync<HttpOperationException>(() => ReviewTokenAsync(client, "t-prod"));

        Assert.Equal(code, (int)e.Response.StatusCode);
        Assert.True((await ReviewTokenAsync(client, "t-prod")).Status.Authenticated);
    }

    [Fact]
    public async Task SubjectAccessReview_NeitherAttributes_Returns422()
    {
        await using var host = await StartAsync();
        using var http = TestCluster.Http(host);

        using var response = await http.PostAsync("/apis/authorization.k8s.io/v1/subjectaccessreviews",
            new StringContent("""{"spec":{"user":"alice"}}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [Fact]
    public async Task RequiredBearerToken_MissingOrWrong_Returns401()
    {
        await using var host = await TestCluster.StartAsync(o => o.RequiredBearerToken = "sekret");
        using var http = TestCluster.Http(host);

        using var anonymous = await http.GetAsync("/api/v1/pods");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/pods");
        request.Headers.Authorization = new("Bearer", "sekret");
        using var authorized = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, authorized.StatusCode);
    }
}
