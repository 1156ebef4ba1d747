namespace PodExport.Cluster.Informers;

/// <summary>One reflector's backoff state. Not thread-safe: only its reflector loop uses it.</summary>
internal sealed class Backoff(BackoffPolicy policy, TimeProvider time, Random random)
{
    private int _steps;
    private long _lastFailure;
    private bool _failedBefore;

    /// <summary>The delay before the next attempt; a failure after a quiet <see cref="BackoffPolicy.ResetAfter"/> starts over.</summary>
    public TimeSpan Next()
    {
        if (_failedBefore && time.GetElapsedTime(_lastFailure) >= policy.ResetAfter)
        {
            _steps = 0;
        }

        var baseDelay = policy.Initial.TotalSeconds * Math.Pow(policy.Factor, _steps);
        if (baseDelay >= policy.Cap.TotalSeconds)
        {
            baseDelay = policy.Cap.TotalSeconds;
        }
        else
        {
            _steps++;
        }

        double jitter;
        lock (random)
        {
            jitter = random.NextDouble();
        }

        _failedBefore = true;
        _lastFailure = time.GetTimestamp();
        return TimeSpan.FromSeconds(baseDelay + (jitter * baseDelay));
    }
}
