using System.Globalization;
using System.Runtime.InteropServices;
using PodExport.Simulator.Faults;
using PodExport.Simulator.Hosting;

namespace PodExport.Simulator;

/// <summary>
/// The standalone simulator executable. Not a top-level program: the server references this assembly, and two
/// generated <c>Program</c> types would collide.
/// </summary>
public static class SimulatorProgram
{
    private const string Usage =
        "usage: PodExport.Simulator [--port 6443] [--seed 42] [--pods 500] [--churn 10] [--write-kubeconfig PATH] " +
        "[--fixture FILE]... [--auth-config FILE] [--fault NAME[:key=value,...]]... [--token TOKEN] [--verbose]";

    public static async Task<int> Main(string[] args)
    {
        SimulatorOptions options;
        string? kubeconfig;
        var verbose = args.Contains("--verbose");
        try
        {
            (options, kubeconfig) = Parse(args.Where(a => a != "--verbose").ToArray());
        }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException)
        {
            await Console.Error.WriteLineAsync(e.Message);
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        if (options is null)
        {
            await Console.Out.WriteLineAsync(Usage);
            return 0;
        }

        using var loggerFactory = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(verbose ? LogLevel.Information : LogLevel.Warning));
        options.LoggerFactory = loggerFactory;
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };

        // SIGTERM (kill, docker stop, a test harness) stops it as Ctrl-C does: the hosted API server's own lifetime
        // takes the signal for itself, and this loop would otherwise wait for ever.
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });

        SimulatorHost host;
        try
        {
            host = await SimulatorHost.StartAsync(options, stop.Token);
        }
        catch (Exception e) when (e is IOException or FormatException or NotImplementedException or
            System.ComponentModel.DataAnnotations.ValidationException or YamlDotNet.Core.YamlException)
        {
            await Console.Error.WriteLineAsync($"simulator: {e.Message}");
            return 1;
        }

        await using var running = host;
        if (kubeconfig is not null)
        {
            host.WriteKubeconfig(kubeconfig, options.RequiredBearerToken);
        }

        await Console.Out.WriteLineAsync(host.BaseAddress.ToString().TrimEnd('/'));
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
            // Ctrl-C: fall through to the clean shutdown of the host.
        }

        return 0;
    }

    /// <summary>Parses the command line; options null means "print usage".</summary>
    internal static (SimulatorOptions Options, string? Kubeconfig) Parse(string[] args)
    {
        var options = new SimulatorOptions { Port = 6443, DefaultWatchTimeout = null };
        string? kubeconfig = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--help" or "-h":
                    return (null!, null);
                case "--port":
                    options.Port = int.Parse(Value(), CultureInfo.InvariantCulture);
                    break;
                case "--seed":
                    options.Seed = int.Parse(Value(), CultureInfo.InvariantCulture);
                    break;
                case "--pods":
                    options.Pods = int.Parse(Value(), CultureInfo.InvariantCulture);
                    break;
                case "--churn":
                    options.Churn = double.Parse(Value(), CultureInfo.InvariantCulture);
                    break;
                case "--write-kubeconfig":
                    kubeconfig = Value();
                    break;
                case "--fixture":
                    options.Fixtures.Add(Value());
                    break;
                case "--auth-config":
                    options.AuthConfigPath = Value();
                    break;
                case "--fault":
                    options.Faults.Add(FaultParser.Parse(Value()));
                    break;
                case "--token":
                    options.RequiredBearerToken = Value();
                    break;
                default:
                    throw new FormatException($"Unknown argument {args[i]}.");
            }
        }

        return (options, kubeconfig);
    }
}
