using PodExport.Simulator.Hosting;

namespace PodExport.Server.Tests.EndToEnd.Testing;

/// <summary>
/// A simulator holding only the objects of a fixture file under <c>testassets/e2e</c>, and a gateway reading it over
/// HTTP; shared by the tests of one class, which only read.
/// </summary>
public abstract class FixtureCluster(string fixture) : IAsyncLifetime
{
    public static string AssetPath(string name) => Path.Combine(AppContext.BaseDirectory, "testassets", "e2e", name);

    public SimulatorHost Simulator { get; private set; } = null!;

    public GatewayApp Gateway { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var options = new SimulatorOptions();
        options.Fixtures.Add(AssetPath(fixture));
        Simulator = await SimulatorHost.StartAsync(options);
        Gateway = GatewayApp.Reading(Simulator.BaseAddress);
        Client = await Gateway.StartReadyAsync();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Gateway.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}
