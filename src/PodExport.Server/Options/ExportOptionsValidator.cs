using System.Globalization;
using Microsoft.Extensions.Options;

namespace PodExport.Server.Options;

/// <summary>Rules across settings that data annotations cannot express.</summary>
internal sealed class ExportOptionsValidator : IValidateOptions<ExportOptions>
{
    public ValidateOptionsResult Validate(string? name, ExportOptions options)
    {
        if (options.MaxConcurrentExportsPerCaller > options.MaxConcurrentExports)
        {
            return ValidateOptionsResult.Fail(string.Create(
                CultureInfo.InvariantCulture,
                $"{ExportOptions.Section}:{nameof(ExportOptions.MaxConcurrentExportsPerCaller)} is {options.MaxConcurrentExportsPerCaller}; " +
                $"allowed: at most {ExportOptions.Section}:{nameof(ExportOptions.MaxConcurrentExports)} ({options.MaxConcurrentExports})."));
        }

        return ValidateOptionsResult.Success;
    }
}
