using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using PodExport.Server.Logging;

namespace PodExport.Server.Tests.Telemetry;

/// <summary>JSON console logs in containers, or when <c>Logging:Format</c> asks for them.</summary>
public sealed class LoggingTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPodExportLogging(configuration);
        return services.BuildServiceProvider();
    }

    private static string? FormatterName(Dictionary<string, string?> settings)
    {
        using var provider = Build(settings);
        return provider.GetRequiredService<IOptions<ConsoleLoggerOptions>>().Value.FormatterName;
    }

    [Theory]
    [InlineData(null, "true", ConsoleFormatterNames.Json)]
    [InlineData(null, "True", ConsoleFormatterNames.Json)]
    [InlineData("json", null, ConsoleFormatterNames.Json)]
    [InlineData("JSON", "false", ConsoleFormatterNames.Json)]
    [InlineData("simple", "true", null)]
    [InlineData(null, null, null)]
    [InlineData(null, "false", null)]
    public void Logging_FormatAndContainer_PickTheConsoleFormatter(string? format, string? inContainer, string? expected)
    {
        var formatter = FormatterName(new()
        {
            [LogFormatOptions.Key] = format,
            [PodExportLoggingServiceCollectionExtensions.RunningInContainerKey] = inContainer,
        });

        Assert.Equal(expected, formatter);
    }

    [Fact]
    public void Logging_Json_WritesUtcTimestampsAndScopes()
    {
        using var provider = Build(new() { [LogFormatOptions.Key] = "json" });

        var options = provider.GetRequiredService<IOptions<JsonConsoleFormatterOptions>>().Value;
        Assert.True(options.UseUtcTimestamp);
        Assert.True(options.IncludeScopes);
    }

    [Fact]
    public void Logging_UnknownFormat_FailsNamingTheSetting()
    {
        using var provider = Build(new() { [LogFormatOptions.Key] = "xml" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<LogFormatOptions>>().Value);
        Assert.Equal("Logging:Format is xml; allowed: json, simple, or unset (json in a container, simple elsewhere).", error.Message);
    }
}
