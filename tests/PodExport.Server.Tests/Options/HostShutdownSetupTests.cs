using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace PodExport.Server.Tests.Options;

/// <summary>The host waits for the export drain and its error line before Kestrel aborts connections (OPERATIONS.md §6).</summary>
public sealed class HostShutdownSetupTests
{
    private static TimeSpan ShutdownTimeout(string? drainSeconds, TimeSpan? configured = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Export:DrainSeconds"] = drainSeconds })
            .Build();
        var services = new ServiceCollection();
        if (configured is { } timeout)
        {
            services.Configure<HostOptions>(o => o.ShutdownTimeout = timeout);
        }

        services.AddPodExportOptions(configuration);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout;
    }

    [Fact]
    public void HostShutdown_DefaultDrain_KeepsTheDefaultTimeout()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), ShutdownTimeout(null));
        Assert.Equal(TimeSpan.FromSeconds(30), ShutdownTimeout("25"));
    }

    [Fact]
    public void HostShutdown_LongDrain_LengthensTheTimeoutByTheErrorLineBudget()
    {
        Assert.Equal(TimeSpan.FromSeconds(65), ShutdownTimeout("60"));
    }

    [Fact]
    public void HostShutdown_LongerConfiguredTimeout_IsKept()
    {
        Assert.Equal(TimeSpan.FromSeconds(120), ShutdownTimeout("60", TimeSpan.FromSeconds(120)));
    }
}
