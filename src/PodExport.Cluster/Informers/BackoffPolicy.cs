namespace PodExport.Cluster.Informers;

/// <summary>
/// Exponential backoff parameters (kubernetes-api B.3, after apimachinery <c>wait.Backoff</c>): 0.8 s doubling to a
/// 30 s cap, each delay jittered to d + rand·d, the step count reset after 2 min without a failure.
/// </summary>
public sealed record BackoffPolicy
{
    public static BackoffPolicy Default { get; } = new();

    public TimeSpan Initial { get; init; } = TimeSpan.FromMilliseconds(800);

    public double Factor { get; init; } = 2;

    public TimeSpan Cap { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan ResetAfter { get; init; } = TimeSpan.FromMinutes(2);
}
