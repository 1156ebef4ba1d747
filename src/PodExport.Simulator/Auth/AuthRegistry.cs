using PodExport.Simulator.State;

namespace PodExport.Simulator.Auth;

/// <summary>
/// The tokens the simulator's TokenReview and SubjectAccessReview answer from (kubernetes-api D.1 items 31–33).
/// Mutable while the simulator runs, so tests can revoke access; counts the reviews so tests can check caching.
/// </summary>
public sealed class AuthRegistry
{
    private static readonly string[] ReadVerbs = ["get", "list", "watch"];
    private readonly Lock _lock = new();
    private List<AuthUser> _users = [];
    private int _tokenReviews;
    private int _subjectAccessReviews;

    public IReadOnlyList<AuthUser> Users
    {
        get
        {
            lock (_lock)
            {
                return _users;
            }
        }
    }

    public int TokenReviewCount => Volatile.Read(ref _tokenReviews);

    public int SubjectAccessReviewCount => Volatile.Read(ref _subjectAccessReviews);

    /// <summary>Replaces the whole set.</summary>
    public void SetUsers(IEnumerable<AuthUser> users)
    {
        lock (_lock)
        {
            _users = users.ToList();
        }
    }

    /// <summary>Adds a user, replacing any entry with the same token.</summary>
    public void Upsert(AuthUser user)
    {
        lock (_lock)
        {
            _users = _users.Where(u => u.Token != user.Token).Append(user).ToList();
        }
    }

    /// <summary>Removes a token: it no longer authenticates. Returns whether it existed.</summary>
    public bool RemoveToken(string token)
    {
        lock (_lock)
        {
            var before = _users.Count;
            _users = _users.Where(u => u.Token != token).ToList();
            return _users.Count != before;
        }
    }

    /// <summary>Changes what a user (by name) may read; <c>[]</c> revokes everything but authentication.</summary>
    public void SetAllow(string user, IReadOnlyList<string> allow)
    {
        lock (_lock)
        {
            _users = _users.Select(u => u.User == user ? u with { Allow = allow } : u).ToList();
        }
    }

    public void ResetCounters()
    {
        Interlocked.Exchange(ref _tokenReviews, 0);
        Interlocked.Exchange(ref _subjectAccessReviews, 0);
    }

    /// <summary>The user a token authenticates as, or null.</summary>
    public AuthUser? Authenticate(string token)
    {
        lock (_lock)
        {
            return _users.FirstOrDefault(u => u.Token == token);
        }
    }

    /// <summary>
    /// Whether <paramref name="user"/> (or one of <paramref name="groups"/>: <c>system:masters</c> may do anything)
    /// may <paramref name="verb"/> <paramref name="resource"/> in <paramref name="namespace"/>; an empty namespace
    /// means all namespaces and needs <c>"*"</c>.
    /// </summary>
    public (bool Allowed, string Reason) Authorize(string? user, IEnumerable<string>? groups, string? @namespace, string? verb, string? group, string? resource)
    {
        if (groups?.Contains("system:masters") == true)
        {
            return (true, "allowed: member of system:masters");
        }

        List<AuthUser> entries;
        lock (_lock)
        {
            entries = _users.Where(u => u.User == user).ToList();
        }

        if (entries.Count == 0)
        {
            return (false, $"user \"{user}\" has no rules");
        }

        if (entries.Any(e => e.Groups.Contains("system:masters")))
        {
            return (true, "allowed: member of system:masters");
        }

        var kind = resource is null ? null : ResourceKind.FindByPath(group ?? "", "v1", resource);
        if (kind is null || verb is null || !ReadVerbs.Contains(verb))
        {
            return (false, $"no rule allows {verb} on {group}/{resource}");
        }

        var allow = entries.SelectMany(e => e.Allow).ToHashSet();
        if (allow.Contains("*"))
        {
            return (true, $"allowed: {user} may {verb} {resource} cluster-wide");
        }

        if (!kind.Namespaced || string.IsNullOrEmpty(@namespace))
        {
            return (false, $"{user} may not {verb} {resource} in all namespaces");
        }

        return allow.Contains(@namespace)
            ? (true, $"allowed: {user} may {verb} {resource} in namespace {@namespace}")
            : (false, $"{user} may not {verb} {resource} in namespace {@namespace}");
    }

    internal void CountTokenReview() => Interlocked.Increment(ref _tokenReviews);

    internal void CountSubjectAccessReview() => Interlocked.Increment(ref _subjectAccessReviews);
}
