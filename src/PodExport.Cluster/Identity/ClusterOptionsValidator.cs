using Microsoft.Extensions.Options;

namespace PodExport.Cluster.Identity;

/// <summary>Fails start-up on a <c>Cluster:Id</c> that is not a UUID or a blank <c>Cluster:Name</c> (service.md S-1).</summary>
public sealed class ClusterOptionsValidator : IValidateOptions<ClusterOptions>
{
    public ValidateOptionsResult Validate(string? name, ClusterOptions options)
    {
        var failures = new List<string>();
        if (options.Id is { } id && !Guid.TryParse(id, out _))
        {
            failures.Add($"Cluster:Id '{id}' is not a UUID; use the form 6a4e1f0c-58d2-4c3b-9e7a-1d2c3b4a5f60, or leave it unset to use the kube-system namespace UID.");
        }

        if (options.Name is { } clusterName && string.IsNullOrWhiteSpace(clusterName))
        {
            failures.Add("Cluster:Name is blank; set a name or leave it unset for 'default'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
