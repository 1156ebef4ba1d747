using Microsoft.Extensions.Options;

namespace PodExport.Cluster.Connection;

/// <summary>Start-up checks of <see cref="ClusterConnectionOptions"/>, naming the setting, the value and what is allowed (S-1).</summary>
public sealed class ClusterConnectionOptionsValidator : IValidateOptions<ClusterConnectionOptions>
{
    public ValidateOptionsResult Validate(string? name, ClusterConnectionOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrEmpty(options.Host) && !(Uri.TryCreate(options.Host, UriKind.Absolute, out var host) && host.Scheme is "http" or "https"))
        {
            failures.Add($"{ClusterConnectionOptions.Section}:Host is \"{options.Host}\"; it must be an absolute http:// or https:// URL.");
        }

        foreach (var ns in options.Namespaces)
        {
            if (!IsDnsLabel(ns))
            {
                failures.Add($"{ClusterConnectionOptions.Section}:Namespaces contains \"{ns}\"; a namespace is a DNS label (lowercase letters, digits and '-', at most 63 characters).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsDnsLabel(string value) =>
        value.Length is > 0 and <= 63
        && value.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
        && value[0] != '-' && value[^1] != '-';
}
