using Microsoft.Extensions.Options;

namespace PodExport.Cluster.Store;

/// <summary>Start-up validation of <see cref="StoreOptions"/>: names the setting, the value and what is allowed (S-1).</summary>
public sealed class StoreOptionsValidator : IValidateOptions<StoreOptions>
{
    public const int MaxTerminatedInstancesPerContainer = 1000;

    public ValidateOptionsResult Validate(string? name, StoreOptions options)
    {
        var failures = new List<string>();
        if (options.TerminatedInstancesPerContainer is < 1 or > MaxTerminatedInstancesPerContainer)
        {
            failures.Add($"Store:TerminatedInstancesPerContainer is {options.TerminatedInstancesPerContainer}; allowed: 1 to {MaxTerminatedInstancesPerContainer}.");
        }

        if (options.DeletedPodRetentionSeconds < 0)
        {
            failures.Add($"Store:DeletedPodRetentionSeconds is {options.DeletedPodRetentionSeconds}; allowed: 0 (no retention) or more whole seconds.");
        }

        if (options.MaxRetainedDeletedPods < 0)
        {
            failures.Add($"Store:MaxRetainedDeletedPods is {options.MaxRetainedDeletedPods}; allowed: 0 (no retention) or more.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
