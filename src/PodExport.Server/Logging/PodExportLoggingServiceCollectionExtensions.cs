using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PodExport.Server.Logging;

namespace Microsoft.Extensions.DependencyInjection;

public static class PodExportLoggingServiceCollectionExtensions
{
    /// <summary>Set to <c>true</c> by the official .NET container images.</summary>
    public const string RunningInContainerKey = "DOTNET_RUNNING_IN_CONTAINER";

    /// <summary>
    /// Structured JSON console logs in containers (or with <c>Logging:Format=json</c>), so a log pipeline gets the
    /// S-16 fields of every export line as properties instead of parsing text. Levels come from <c>Logging:LogLevel</c>.
    /// </summary>
    public static IServiceCollection AddPodExportLogging(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LogFormatOptions>()
            .Bind(configuration.GetSection(LogFormatOptions.Section))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LogFormatOptions>, LogFormatOptionsValidator>());

        if (UseJson(configuration))
        {
            services.AddLogging(logging => logging.AddJsonConsole(options =>
            {
                options.IncludeScopes = true;
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
            }));
        }

        return services;
    }

    /// <summary>Whether the console logs are JSON: <c>Logging:Format</c> if set, else whether we run in a container.</summary>
    internal static bool UseJson(IConfiguration configuration)
    {
        var format = configuration[LogFormatOptions.Key];
        if (!string.IsNullOrEmpty(format))
        {
            return string.Equals(format, LogFormatOptions.Json, StringComparison.OrdinalIgnoreCase);
        }

        return bool.TryParse(configuration[RunningInContainerKey], out var inContainer) && inContainer;
    }
}
