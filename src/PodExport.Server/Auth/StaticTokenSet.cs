using System.Security.Cryptography;
using PodExport.Server.Export;
using PodExport.Simulator.Auth;

namespace PodExport.Server.Auth;

/// <summary>
/// One parsed static tokens file (the simulator's <c>--auth-config</c> format, service.md S-6). Holds token hashes
/// only; a lookup compares the presented token's hash with every entry in constant time, so neither the position nor
/// the shared prefix of a match shows in the timing.
/// </summary>
public sealed class StaticTokenSet
{
    private readonly Entry[] _entries;

    private StaticTokenSet(Entry[] entries) => _entries = entries;

    public static StaticTokenSet Empty { get; } = new([]);

    public int Count => _entries.Length;

    /// <summary>Parses the YAML; throws <see cref="FormatException"/> or a YAML exception for a bad file.</summary>
    public static StaticTokenSet Parse(string yaml)
    {
        var users = AuthConfigLoader.Parse(yaml);
        var entries = new Entry[users.Count];
        for (var i = 0; i < users.Count; i++)
        {
            var user = users[i];
            if (user.Token.Length == 0)
            {
                throw new FormatException($"auth config: token entry #{i + 1} has an empty 'token'.");
            }

            var identity = new CallerIdentity(user.User, [.. user.Groups], user.Uid);
            entries[i] = new Entry(TokenHash.Compute(user.Token), identity, ScopeOf(user));
        }

        return new StaticTokenSet(entries);
    }

    /// <summary>The identity and namespace scope of a token, or false.</summary>
    public bool TryFind(string token, out CallerIdentity? identity, out NamespaceScope? scope)
    {
        var hash = TokenHash.Compute(token);
        Entry? found = null;
        foreach (var entry in _entries)
        {
            // No early exit: every entry is compared whatever matched before.
            if (CryptographicOperations.FixedTimeEquals(entry.TokenHash, hash) && found is null)
            {
                found = entry;
            }
        }

        identity = found?.Identity;
        scope = found?.Scope;
        return found is not null;
    }

    // The simulator's rules: "*" or system:masters is every namespace, otherwise the listed ones; none is none.
    private static NamespaceScope? ScopeOf(AuthUser user)
    {
        if (user.Allow.Contains("*") || user.Groups.Contains("system:masters"))
        {
            return NamespaceScope.All;
        }

        return user.Allow.Count == 0 ? null : NamespaceScope.Only(user.Allow);
    }

    private sealed record Entry(byte[] TokenHash, CallerIdentity Identity, NamespaceScope? Scope);
}
