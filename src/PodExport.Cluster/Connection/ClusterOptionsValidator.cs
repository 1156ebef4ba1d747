using Microsoft.Extensions.Options;

namespace PodExport.Cluster.Connection;

/// <summary>Start-up checks of <see cref="ClusterOptions"/>, naming the setting, the value and what is allowed (S-1).</summary>
public sealed class ClusterOptionsValidator : IValidateOptions<ClusterOptions>
{
    public ValidateOptionsResult Validate(string? name, ClusterOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrEmpty(options.Id) && !Guid.TryParse(options.Id, out _))
        {
            failures.Add($"{ClusterOptions.Section}:Id is \"{options.Id}\"; it must be a UUID such as 6a4e1f0c-58d2-4c3b-9e7a-1d2c3b4a5f60.");
        }

        if (!string.IsNullOrEmpty(options.Host) && !(Uri.TryCreate(options.Host, UriKind.Absolute, out var host) && host.Scheme is "http" or "https"))
        {
            failures.Add($"{ClusterOptions.Section}:Host is \"{options.Host}\"; it must be an absolute http:// or https:// URL.");
        }

        foreach (var ns in options.Namespaces)
        {
            if (!IsDnsLabel(ns))
            {
                failures.Add($"{ClusterOptions.Section}:Namespaces contains \"{ns}\"; a namespace is a DNS label (lowercase letters, digits and '-', at most 63 characters).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsDnsLabel(string value) =>
        value.Length is > 0 and <= 63
        && value.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
        && value[0] != '-' && value[^1] != '-';
}
