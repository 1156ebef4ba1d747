namespace PodExport.Simulator.Faults;

/// <summary>
/// One fault and the requests it applies to: the next <see cref="Times"/> matching requests (0 = every one).
/// </summary>
public sealed class FaultRule
{
    private int _applied;

    public FaultRule(FaultKind fault) => Fault = fault;

    public FaultKind Fault { get; }

    public FaultVerb Verb { get; init; } = FaultVerb.ListOrWatch;

    /// <summary>Resource kind (<c>Pod</c>, <c>ReplicaSet</c>, …); null matches every kind.</summary>
    public string? Resource { get; init; }

    /// <summary>Substring the request path must contain; null matches every path.</summary>
    public string? PathContains { get; init; }

    /// <summary>Exact <c>resourceVersion</c> query value the request must carry; null matches any.</summary>
    public string? ResourceVersion { get; init; }

    /// <summary>How many matching requests this rule applies to; 0 or less means unlimited.</summary>
    public int Times { get; init; } = 1;

    /// <summary>Events sent normally before the fault strikes (watch faults).</summary>
    public int AfterEvents { get; init; }

    /// <summary>HTTP status for <see cref="FaultKind.HttpStatus"/>.</summary>
    public int StatusCode { get; init; } = 500;

    /// <summary>Retry-After seconds for 429 (and optionally 503/504).</summary>
    public int? RetryAfterSeconds { get; init; }

    /// <summary>For <see cref="FaultKind.Delay"/> and the pause between trickled bytes.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>For <see cref="FaultKind.Burst"/>.</summary>
    public int BurstSize { get; init; } = 10;

    /// <summary>How many requests this rule has been applied to.</summary>
    public int Applied => Volatile.Read(ref _applied);

    public bool Exhausted => Times > 0 && Applied >= Times;

    public override string ToString() =>
        $"{Fault}(verb={Verb}, resource={Resource ?? "*"}, after={AfterEvents}, status={StatusCode}, times={Times}, applied={Applied})";

    internal bool TryClaim()
    {
        while (true)
        {
            var applied = Volatile.Read(ref _applied);
            if (Times > 0 && applied >= Times)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _applied, applied + 1, applied) == applied)
            {
                return true;
            }
        }
    }
}
