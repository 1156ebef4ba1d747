using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PodExport.Cluster.Informers;
using PodExport.Server.Tests.Testing;
using PodExport.Simulator.Hosting;

namespace PodExport.Server.Tests.EndToEnd.Testing;

/// <summary>
/// The whole gateway (Program.cs) with its real informers and pod store, reading a simulated cluster over HTTP:
/// either its own in-process simulator (<c>Simulate:Enabled</c>, what <c>--simulate</c> sets) or one the test started
/// (<c>Cluster:Host</c>). Unlike <see cref="ExportApp"/> it leaves <c>Cluster:Source</c> at Kubernetes. The informers'
/// backoff is shortened so that reconnecting after a simulator restart takes milliseconds, not up to 30 s.
/// </summary>
public sealed class GatewayApp(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    private static readonly BackoffPolicy FastBackoff = new()
    {
        Initial = TimeSpan.FromMilliseconds(50),
        Cap = TimeSpan.FromMilliseconds(200),
    };

    /// <summary>A gateway in <c>--simulate</c> mode with a seeded scenario of <paramref name="pods"/> pods.</summary>
    public static GatewayApp Simulating(int pods, double churn, params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Simulate:Enabled"] = "true",
            ["Simulate:Pods"] = pods.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Simulate:Churn"] = churn.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Simulate:Seed"] = "7",
            ["Auth:Mode"] = "None",
            ["Cluster:Name"] = "e2e",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return new GatewayApp(settings);
    }

    /// <summary>A gateway reading the simulator at <paramref name="cluster"/>.</summary>
    public static GatewayApp Reading(Uri cluster) => new(new Dictionary<string, string?>
    {
        ["Cluster:Host"] = cluster.ToString(),
        ["Auth:Mode"] = "None",
        ["Cluster:Name"] = "e2e",
    });

    /// <summary>The simulator of <c>--simulate</c> mode (starts the host if needed).</summary>
    public async Task<SimulatorHost> SimulatorAsync() =>
        await Services.GetRequiredService<SimulatorHostedService>().Started.WaitAsync(Eventually.Timeout);

    /// <summary>Starts the host and waits until <c>/readyz</c> answers 200 (every informer has synced).</summary>
    public async Task<HttpClient> StartReadyAsync()
    {
        var client = CreateClient();
        await Eventually.HoldsAsync(async () =>
        {
            using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
            return response.IsSuccessStatusCode;
        }, "the gateway did not become ready");
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.ClearProviders());
        builder.ConfigureTestServices(services =>
        {
            var original = services.Last(d => d.ServiceType == typeof(ReflectorContext));
            var factory = original.ImplementationFactory
                ?? throw new InvalidOperationException("ReflectorContext is expected to be registered by a factory.");
            services.Remove(original);
            services.AddSingleton(sp =>
            {
                var context = (ReflectorContext)factory(sp);
                return new ReflectorContext
                {
                    Client = context.Client,
                    Options = context.Options,
                    Time = context.Time,
                    Random = context.Random,
                    Metrics = context.Metrics,
                    Logger = context.Logger,
                    HandlerGate = context.HandlerGate,
                    Backoff = FastBackoff,
                };
            });
        });
    }
}
