namespace PodExport.Simulator.Auth;

/// <summary>
/// A bearer token and the identity it authenticates as. <see cref="Allow"/> lists the namespaces where the user may
/// get/list/watch pods and the workload kinds; <c>"*"</c> means every namespace (cluster-wide).
/// </summary>
public sealed record AuthUser(string Token, string User)
{
    public IReadOnlyList<string> Groups { get; init; } = [];

    public IReadOnlyList<string> Allow { get; init; } = [];

    /// <summary>Optional user UID reported by TokenReview.</summary>
    public string? Uid { get; init; }
}
