using Microsoft.Extensions.Options;

namespace PodExport.Server.Logging;

/// <summary>Stops the start-up on an unknown <c>Logging:Format</c>, naming the setting, the value and what is allowed (S-1).</summary>
internal sealed class LogFormatOptionsValidator : IValidateOptions<LogFormatOptions>
{
    public ValidateOptionsResult Validate(string? name, LogFormatOptions options) =>
        string.IsNullOrEmpty(options.Format)
        || string.Equals(options.Format, LogFormatOptions.Json, StringComparison.OrdinalIgnoreCase)
        || string.Equals(options.Format, LogFormatOptions.Simple, StringComparison.OrdinalIgnoreCase)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{LogFormatOptions.Key} is {options.Format}; allowed: {LogFormatOptions.Json}, {LogFormatOptions.Simple}, or unset ({LogFormatOptions.Json} in a container, {LogFormatOptions.Simple} elsewhere).");
}
