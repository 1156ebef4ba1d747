using System.Diagnostics.Metrics;

namespace PodExport.Cluster.Tests.Informers;

/// <summary>An <see cref="IMeterFactory"/> without a host; meters carry this factory as scope so collectors can find them.</summary>
public sealed class TestMeterFactory : IMeterFactory
{
    private readonly List<Meter> _meters = [];

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(options.Name, options.Version, options.Tags, scope: this);
        _meters.Add(meter);
        return meter;
    }

    public void Dispose()
    {
        foreach (var meter in _meters)
        {
            meter.Dispose();
        }
    }
}
