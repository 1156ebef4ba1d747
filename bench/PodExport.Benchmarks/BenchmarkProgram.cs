using BenchmarkDotNet.Running;
using System.Globalization;
using PodExport.Benchmarks.EndToEnd;
using PodExport.Benchmarks.Simulator;

namespace PodExport.Benchmarks;

/// <summary>
/// Micro-benchmarks are discovered from this assembly:
/// <c>dotnet run -c Release --project bench/PodExport.Benchmarks -- --filter '*'</c>.
/// The first argument <c>e2e</c> runs the end-to-end measurement instead (<see cref="E2eCommand"/>), and
/// <c>floor-serve</c> is the floor's own server process, which the e2e command starts, and
/// <c>simulator [pods] [events-per-second]</c> measures the simulated API server alone (kubernetes-api D.1).
/// </summary>
public static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == E2eCommand.Name)
        {
            return await E2eCommand.RunAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == FloorServer.Name)
        {
            return await FloorServer.RunAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == "simulator")
        {
            var options = new SimulatorBenchmarkOptions();
            if (args.Length > 1)
            {
                options.Pods = int.Parse(args[1], CultureInfo.InvariantCulture);
            }

            if (args.Length > 2)
            {
                options.EventsPerSecond = int.Parse(args[2], CultureInfo.InvariantCulture);
            }

            var result = await SimulatorThroughputBenchmark.RunAsync(options, Console.Out);
            return result.NothingDropped ? 0 : 1;
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
        return 0;
    }
}
