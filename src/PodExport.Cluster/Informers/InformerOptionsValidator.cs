using Microsoft.Extensions.Options;

namespace PodExport.Cluster.Informers;

/// <summary>Rejects informer settings that would break the list/watch contract, naming the setting and the value.</summary>
public sealed class InformerOptionsValidator : IValidateOptions<InformerOptions>
{
    public ValidateOptionsResult Validate(string? name, InformerOptions options)
    {
        var failures = new List<string>();
        Positive(failures, nameof(options.DegradedAfterSeconds), options.DegradedAfterSeconds);
        Positive(failures, nameof(options.IdleTimeoutSeconds), options.IdleTimeoutSeconds);
        Positive(failures, nameof(options.MinWatchTimeoutSeconds), options.MinWatchTimeoutSeconds);
        Positive(failures, nameof(options.StartupTimeoutSeconds), options.StartupTimeoutSeconds);
        if (options.MaxWatchTimeoutSeconds < options.MinWatchTimeoutSeconds)
        {
            failures.Add($"{InformerOptions.Section}:{nameof(options.MaxWatchTimeoutSeconds)} is {options.MaxWatchTimeoutSeconds}; it must be at least {InformerOptions.Section}:{nameof(options.MinWatchTimeoutSeconds)} ({options.MinWatchTimeoutSeconds}).");
        }

        if (options.WatchDeadlineSlackSeconds < 0)
        {
            failures.Add($"{InformerOptions.Section}:{nameof(options.WatchDeadlineSlackSeconds)} is {options.WatchDeadlineSlackSeconds}; it must be 0 or more.");
        }

        if (options.InternalErrorRetrySeconds < 0)
        {
            failures.Add($"{InformerOptions.Section}:{nameof(options.InternalErrorRetrySeconds)} is {options.InternalErrorRetrySeconds}; it must be 0 or more.");
        }

        if (options.PageSize is < 1 or > 10_000)
        {
            failures.Add($"{InformerOptions.Section}:{nameof(options.PageSize)} is {options.PageSize}; it must be between 1 and 10000.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Positive(List<string> failures, string key, int value)
    {
        if (value < 1)
        {
            failures.Add($"{InformerOptions.Section}:{key} is {value}; it must be a whole number of seconds of at least 1.");
        }
    }
}
