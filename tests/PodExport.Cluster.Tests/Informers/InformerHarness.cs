using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PodExport.Cluster.Connection;
using PodExport.Cluster.Informers;
using PodExport.Cluster.Workloads;
using PodExport.Simulator.Hosting;

namespace PodExport.Cluster.Tests.Informers;

/// <summary>
/// A simulator on 127.0.0.1 port 0 and the real KubernetesClient pointed at it, plus what reflectors under test
/// share. With <c>fakeTime</c> the informer side runs on a <see cref="FakeTimeProvider"/> (the simulator keeps real
/// time), so backoff, idle and degraded timings are driven by the test; otherwise backoff is shrunk to milliseconds.
/// </summary>
internal sealed class InformerHarness : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _running = [];

    private InformerHarness(SimulatorHost simulator, bool fakeTime, InformerOptions options)
    {
        Simulator = simulator;
        Fake = fakeTime ? new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)) : null;
        // Decoding trimmed as the gateway's one client decodes (AddPodExportKubernetes).
        Client = new Kubernetes(TrimmedDecoding.Apply(new KubernetesClientConfiguration { Host = simulator.BaseAddress.ToString().TrimEnd('/') }));
        Metrics = new InformerMetrics(Meters);
        Context = new ReflectorContext
        {
            Client = Client,
            Options = options,
            Time = (TimeProvider?)Fake ?? TimeProvider.System,
            Random = new Random(1),
            Metrics = Metrics,
            Logger = NullLogger.Instance,
            Backoff = fakeTime ? BackoffPolicy.Default : new BackoffPolicy { Initial = TimeSpan.FromMilliseconds(5), Cap = TimeSpan.FromMilliseconds(40) },
            Observer = Signals.Add,
        };
    }

    public SimulatorHost Simulator { get; }

    public FakeTimeProvider? Fake { get; }

    public Kubernetes Client { get; }

    public InformerMetrics Metrics { get; }

    public TestMeterFactory Meters { get; } = new();

    public SignalLog Signals { get; } = new();

    public ReflectorContext Context { get; }

    public static async Task<InformerHarness> StartAsync(bool fakeTime = false, Action<SimulatorOptions>? configure = null, InformerOptions? options = null)
    {
        var simulatorOptions = new SimulatorOptions { Port = 0, DefaultWatchTimeout = TimeSpan.FromMinutes(5) };
        configure?.Invoke(simulatorOptions);
        var simulator = await SimulatorHost.StartAsync(simulatorOptions);
        return new InformerHarness(simulator, fakeTime, options ?? new InformerOptions());
    }

    public static RecordingHandler<V1Pod> PodRecorder() => new(ResourceDefinitions.Pods.Identify);

    public static RecordingHandler<OwnerObject> OwnerRecorder() => new(OwnerProjection.Identify);

    public Reflector<V1Pod> StartPods(RecordingHandler<V1Pod> handler, string? @namespace = null)
    {
        var reflector = new Reflector<V1Pod>(ResourceDefinitions.Pods, @namespace, handler, Context);
        _running.Add(reflector.RunAsync(Task.CompletedTask, _stop.Token));
        return reflector;
    }

    public Reflector<OwnerObject> StartOwners(ResourceDefinition<OwnerObject> definition, RecordingHandler<OwnerObject> handler)
    {
        var reflector = new Reflector<OwnerObject>(definition, null, handler, Context);
        _running.Add(reflector.RunAsync(Task.CompletedTask, _stop.Token));
        return reflector;
    }

    /// <summary>A reflector over a test's own definition (e.g. one that filters what the real client's watch yields).</summary>
    public Reflector<T> Start<T>(ResourceDefinition<T> definition, RecordingHandler<T> handler)
        where T : class
    {
        var reflector = new Reflector<T>(definition, null, handler, Context);
        _running.Add(reflector.RunAsync(Task.CompletedTask, _stop.Token));
        return reflector;
    }

    public void Run(InformerSet informers) => _running.Add(informers.RunAsync(_stop.Token));

    /// <summary>Waits for the loop to start waiting (backoff or Retry-After), then moves fake time past the wait.</summary>
    public async Task<ReflectorSignal> SkipWaitAsync(int from, string? why = null)
    {
        var wait = await Signals.WaitForAsync(from, s => s.Step == ReflectorStep.Waiting && (why is null || s.Detail == why), $"a wait ({why ?? "any"})");
        Fake!.Advance(wait.Delay);
        return wait;
    }

    /// <summary>Every list or watch request for <paramref name="kind"/> so far, in order.</summary>
    public IReadOnlyList<PodExport.Simulator.Api.RequestRecord> Requests(string kind, string verb) =>
        [.. Simulator.Requests.Snapshot().Where(r => r.Kind == kind && r.Verb == verb).OrderBy(r => r.Id)];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await Task.WhenAll(_running).WaitAsync(TimeSpan.FromSeconds(10));
        }
        finally
        {
            Client.Dispose();
            await Simulator.DisposeAsync();
            Meters.Dispose();
            _stop.Dispose();
        }
    }
}
