using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging.Abstractions;
using PodExport.Simulator.Api;
using PodExport.Simulator.Auth;
using PodExport.Simulator.Faults;
using PodExport.Simulator.Fixtures;
using PodExport.Simulator.Scenario;
using PodExport.Simulator.State;

namespace PodExport.Simulator.Hosting;

/// <summary>
/// A running simulated cluster: the fake API server on a loopback port plus the object store, fault injection and
/// auth set behind it, for in-process use by tests and the gateway's <c>--simulate</c> mode. The listener can be
/// stopped and restarted on the same port; state and history live on.
/// </summary>
public sealed class SimulatorHost : IAsyncDisposable
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(10);

    private readonly SimulatorOptions _options;
    private readonly ApiServer _api;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _scenarioStop = new();
    private WebApplication? _app;
    private ScenarioEngine? _engine;
    private int _port;
    private int _disposed;

    private SimulatorHost(SimulatorOptions options)
    {
        _options = options;
        _logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("PodExport.Simulator");
        Store = new ClusterStore(new StoreOptions
        {
            Seed = options.Seed,
            HistoryLimit = options.HistoryLimit,
            HistoryMaxAge = options.HistoryMaxAge,
        }, options.TimeProvider);
        Switches = new ServerSwitches
        {
            BookmarkInterval = options.BookmarkInterval,
            DefaultWatchTimeout = options.DefaultWatchTimeout,
            TooLargeWait = options.TooLargeWait,
            RequiredBearerToken = options.RequiredBearerToken,
        };
        _port = options.Port;
        _api = new ApiServer(Store, Faults, Auth, Switches, Watchers, Requests, options.TimeProvider,
            new Random(options.Seed), _logger);
    }

    /// <summary>The base address, e.g. <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri BaseAddress => new($"http://127.0.0.1:{_port}/");

    public int Port => _port;

    /// <summary>Whether the listener is up (false between <see cref="StopListenerAsync"/> and <see cref="RestartAsync"/>).</summary>
    public bool IsListening => _app is not null;

    /// <summary>The objects: the write side (<see cref="IClusterWriter"/>) and ground-truth reads.</summary>
    public ClusterStore Store { get; }

    public FaultInjector Faults { get; } = new();

    public AuthRegistry Auth { get; } = new();

    public ServerSwitches Switches { get; }

    public RequestLog Requests { get; } = new();

    public WatcherRegistry Watchers { get; } = new();

    public int ActiveWatchCount => Watchers.ActiveCount;

    /// <summary>The scenario's churn loop, when one runs.</summary>
    public Task? ScenarioTask { get; private set; }

    /// <summary>Starts the simulator: loads auth, fixtures and the scenario's initial objects, then listens.</summary>
    public static async Task<SimulatorHost> StartAsync(SimulatorOptions options, CancellationToken cancellationToken = default)
    {
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        var host = new SimulatorHost(options);
        try
        {
            host.LoadInitialState();
            await host.StartListenerAsync(cancellationToken);
            host.StartScenario();
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits for an active watch of <paramref name="kind"/> that asked for RV ≥ <paramref name="minResourceVersion"/>.</summary>
    public Task<WatcherInfo> WaitForWatcher(string kind, long minResourceVersion = 0, bool requireBookmarks = false, TimeSpan? timeout = null)
    {
        var resource = ResourceKind.Find(kind)?.Kind ?? kind;
        return Watchers.WaitForAsync(
            w => w.Kind == resource && w.RequestedResourceVersionNumber >= minResourceVersion && (!requireBookmarks || w.AllowBookmarks),
            timeout ?? DefaultWait);
    }

    /// <summary>Waits for an active watch matching <paramref name="predicate"/>.</summary>
    public Task<WatcherInfo> WaitForWatcher(Func<WatcherInfo, bool> predicate, TimeSpan? timeout = null) =>
        Watchers.WaitForAsync(predicate, timeout ?? DefaultWait);

    /// <summary>Waits for a request (already seen or future; started or finished) matching <paramref name="predicate"/>.</summary>
    public Task<RequestRecord> WaitForRequest(Func<RequestRecord, bool> predicate, TimeSpan? timeout = null) =>
        Requests.WaitForAsync(predicate, timeout ?? DefaultWait);

    /// <summary>Ends matching watches cleanly, as a timeout would. Returns how many.</summary>
    public int CloseWatchers(Func<WatcherInfo, bool>? filter = null) => Watchers.Close(filter);

    /// <summary>Makes matching bookmark-enabled watches send a bookmark now (at <paramref name="resourceVersion"/> or their position).</summary>
    public int SendBookmarkNow(Func<WatcherInfo, bool>? filter = null, long? resourceVersion = null) =>
        Watchers.SendBookmark(filter, resourceVersion);

    /// <summary>Stops listening (connection refused from now on) and resets every open watch connection.</summary>
    public async Task StopListenerAsync()
    {
        var app = _app;
        if (app is null)
        {
            return;
        }

        _app = null;
        Watchers.AbortAll();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    /// <summary>Listens again on the same port, with the same state and history.</summary>
    public Task RestartAsync(CancellationToken cancellationToken = default) =>
        _app is null ? StartListenerAsync(cancellationToken) : Task.CompletedTask;

    /// <summary>Writes a kubeconfig pointing at this simulator (optionally with a bearer token).</summary>
    public void WriteKubeconfig(string path, string? token = null) => KubeconfigWriter.Write(path, BaseAddress, token);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _scenarioStop.CancelAsync();
        if (ScenarioTask is not null)
        {
            try
            {
                await ScenarioTask.WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (Exception e) when (e is OperationCanceledException or TimeoutException or NotImplementedException)
            {
                // The scenario ends by cancellation; its failures were logged when they happened.
            }
        }

        Watchers.Close();
        await StopListenerAsync();
        _scenarioStop.Dispose();
    }

    private void LoadInitialState()
    {
        var users = new List<AuthUser>();
        if (_options.AuthConfigPath is not null)
        {
            users.AddRange(AuthConfigLoader.LoadFile(_options.AuthConfigPath));
        }

        users.AddRange(_options.Users);
        Auth.SetUsers(users);
        foreach (var fault in _options.Faults)
        {
            Faults.Add(fault);
        }

        foreach (var fixture in _options.Fixtures)
        {
            var count = FixtureLoader.Load(Store, fixture);
            Log.FixtureLoaded(_logger, fixture, count);
        }

        if (_options.Pods > 0)
        {
            var engine = new ScenarioEngine(Store,
                new ScenarioOptions { Seed = _options.Seed, Pods = _options.Pods, ChurnPerSecond = _options.Churn },
                _options.TimeProvider);
            engine.Seed();
            _engine = engine;
        }
    }

    private void StartScenario()
    {
        if (_engine is { } engine)
        {
            ScenarioTask = Task.Run(async () =>
            {
                try
                {
                    await engine.RunAsync(_scenarioStop.Token);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    Log.ScenarioFailed(_logger, e);
                    throw;
                }
            });
        }
    }

    private async Task StartListenerAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SimulatorHost).Assembly.GetName().Name,
            Args = [],
        });
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var port = _port;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http1);
            kestrel.AddServerHeader = false;

            // Trickle and stall faults write slowly on purpose; the data-rate guard would cut them.
            kestrel.Limits.MinResponseDataRate = null;
        });
        var app = builder.Build();
        app.Run(_api.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel reported no address.");
        _port = new Uri(address).Port;
        _app = app;
        Log.Listening(_logger, BaseAddress);
    }
}
