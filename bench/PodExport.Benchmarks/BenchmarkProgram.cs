using BenchmarkDotNet.Running;

namespace PodExport.Benchmarks;

/// <summary>
/// Micro-benchmarks are discovered from this assembly:
/// <c>dotnet run -c Release --project bench/PodExport.Benchmarks -- --filter '*'</c>.
/// </summary>
public static class BenchmarkProgram
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
}
