using k8s;
using Microsoft.Extensions.DependencyInjection;
using PodExport.Model.Records;
using PodExport.Server.Tests.Testing;
using PodExport.Simulator.Auth;
using PodExport.Simulator.Hosting;

namespace PodExport.Server.Tests.Auth;

/// <summary>
/// The simulator answering TokenReview and SubjectAccessReview over HTTP, and the gateway in Kubernetes mode pointed
/// at it through a real KubernetesClient, serving pods of four namespaces.
/// </summary>
internal sealed class AuthCluster : IAsyncDisposable
{
    public const string AdminToken = "t-admin";
    public const string TwoNamespacesToken = "t-two";
    public const string NoPodsToken = "t-nothing";
    public const string MastersToken = "t-masters";

    private readonly Kubernetes _client;

    private AuthCluster(SimulatorHost simulator, Kubernetes client, ExportApp app)
    {
        Simulator = simulator;
        _client = client;
        App = app;
    }

    public SimulatorHost Simulator { get; }

    public ExportApp App { get; }

    public static IReadOnlyList<PodRecord> Pods { get; } =
    [
        TestPods.Make("alpha", "a-1", 1), TestPods.Make("alpha", "a-2", 2), TestPods.Make("beta", "b-1", 3),
        TestPods.Make("gamma", "g-1", 4), TestPods.Make("kube-system", "dns", 5),
    ];

    public static async Task<AuthCluster> StartAsync(Dictionary<string, string?>? settings = null, bool synced = true)
    {
        var options = new SimulatorOptions
        {
            Users =
            {
                new AuthUser(AdminToken, "admin") { Allow = ["*"] },
                new AuthUser(TwoNamespacesToken, "two") { Groups = ["team-two"], Allow = ["alpha", "beta"] },
                new AuthUser(NoPodsToken, "nothing"),
                new AuthUser(MastersToken, "root") { Groups = ["system:masters"] },
            },
        };
        var simulator = await SimulatorHost.StartAsync(options);
        var client = new Kubernetes(new KubernetesClientConfiguration { Host = simulator.BaseAddress.ToString() });
        var all = new Dictionary<string, string?> { ["Auth:Mode"] = "Kubernetes" };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        var app = new ExportApp(services => services.AddSingleton<IKubernetes>(client), all);
        app.InMemorySource.Set(Pods);
        if (synced)
        {
            app.InMemorySource.MarkSynced();
        }

        return new AuthCluster(simulator, client, app);
    }

    public Task<HttpResponseMessage> ExportAsync(string? token, string query = "") =>
        App.CreateClient().StartAsync(
            "/v1/export/pods" + (query.Length == 0 ? "" : "?query=" + Uri.EscapeDataString(query)),
            r =>
            {
                if (token is not null)
                {
                    r.Headers.Authorization = new("Bearer", token);
                }
            });

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        _client.Dispose();
        await Simulator.DisposeAsync();
    }
}
