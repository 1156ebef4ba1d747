namespace PodExport.Server.Tests.EndToEnd.Testing;

/// <summary>
/// Tests that read process-wide state and so run alone, after the parallel ones: the <c>/metrics</c> scrape. Meters
/// are matched by name across every host in the process, so while other tests' servers run, a scrape shows their
/// series too (duplicates, other values), and a long run of hosts can exhaust the SDK's metric-stream limit so that
/// instruments created late are not exported.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialCollection
{
    public const string Name = "Serial end-to-end";
}
