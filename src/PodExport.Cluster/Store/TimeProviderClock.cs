using Microsoft.Extensions.Internal;

namespace PodExport.Cluster.Store;

/// <summary>Lets the memory cache expire entries on the injected clock, so retention follows the same time as views.</summary>
internal sealed class TimeProviderClock(TimeProvider time) : ISystemClock
{
    public DateTimeOffset UtcNow => time.GetUtcNow();
}
