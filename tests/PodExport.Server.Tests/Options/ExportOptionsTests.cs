using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PodExport.Server.Options;
using PodExport.Server.Tests.Testing;

namespace PodExport.Server.Tests.Options;

public sealed class ExportOptionsTests
{
    [Fact]
    public void ExportOptions_NoConfiguration_HasTheDocumentedDefaults()
    {
        var options = Resolve([]);

        Assert.Equal(600, options.MaxExportDurationSeconds);
        Assert.Equal(4096, options.MaxQueryBytes);
        Assert.Equal(20, options.DrainSeconds);
        Assert.Equal(32, options.MaxConcurrentExports);
        Assert.Equal(8, options.MaxConcurrentExportsPerCaller);
        Assert.Equal(240, options.MinResponseDataRateBytesPerSecond);
    }

    [Fact]
    public void ExportOptions_Configured_AreBound()
    {
        var options = Resolve(new() { ["Export:MaxExportDurationSeconds"] = "0", ["Export:DrainSeconds"] = "5" });

        Assert.Equal(0, options.MaxExportDurationSeconds);
        Assert.Equal(5, options.DrainSeconds);
    }

    [Theory]
    [InlineData("Export:MaxQueryBytes", "0", "Export:MaxQueryBytes is 0; allowed: 1 to 65536.")]
    [InlineData("Export:MaxExportDurationSeconds", "-1", "Export:MaxExportDurationSeconds is -1; allowed: 0 to 86400 (0 disables the limit).")]
    [InlineData("Export:DrainSeconds", "7200", "Export:DrainSeconds is 7200; allowed: 0 to 3600.")]
    [InlineData("Export:MaxConcurrentExports", "0", "Export:MaxConcurrentExports is 0; allowed: 1 to 100000.")]
    [InlineData("Export:MaxConcurrentExportsPerCaller", "33", "Export:MaxConcurrentExportsPerCaller is 33; allowed: at most Export:MaxConcurrentExports (32).")]
    public void ExportOptions_BadValue_FailsNamingSettingValueAndRange(string key, string value, string message)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new() { [key] = value }));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_BadSetting_FailsAtStartup()
    {
        await using var app = new ExportApp(settings: new Dictionary<string, string?> { ["Export:MaxQueryBytes"] = "0" });

        var error = Assert.Throws<OptionsValidationException>(() => app.Services);
        var failure = Assert.Single(error.Failures);
        Assert.Contains("Export:MaxQueryBytes is 0; allowed: 1 to 65536.", failure, StringComparison.Ordinal);
    }

    private static ExportOptions Resolve(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var provider = new ServiceCollection().AddPodExportOptions(configuration).BuildServiceProvider();
        return provider.GetRequiredService<IOptions<ExportOptions>>().Value;
    }
}
