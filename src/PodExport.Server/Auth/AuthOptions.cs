using PodExport.Server.Options;

namespace PodExport.Server.Auth;

/// <summary>Settings of authentication and authorization, section <c>Auth</c> (service.md S-2, S-5 to S-9).</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>The configuration key of <see cref="Mode"/>, for the <c>--simulate</c> default.</summary>
    public const string ModeKey = Section + ":" + nameof(Mode);

    public AuthMode Mode { get; set; } = AuthMode.Kubernetes;

    /// <summary>The <c>--auth-config</c> format file for <see cref="AuthMode.StaticTokens"/>.</summary>
    public string? StaticTokensFile { get; set; }

    /// <summary>Seconds a successful TokenReview or a SubjectAccessReview decision is cached.</summary>
    [SettingRange(Section, 0, 3_600, Note = "0 disables the cache")]
    public int CacheSeconds { get; set; } = 60;

    /// <summary>Seconds a failed TokenReview (unknown token) is cached.</summary>
    [SettingRange(Section, 0, 3_600, Note = "0 disables the cache")]
    public int NegativeCacheSeconds { get; set; } = 5;

    /// <summary>Entries the review cache holds at most (tokens and access decisions together).</summary>
    [SettingRange(Section, 1, 10_000_000)]
    public int CacheEntries { get; set; } = 10_000;

    /// <summary>TokenReview audiences; empty means the API server's own.</summary>
    public IList<string> Audiences { get; } = [];

    /// <summary>Require an authenticated caller on <c>/metrics</c>.</summary>
    public bool ProtectMetrics { get; set; }

    /// <summary>How often the static tokens file is checked for changes.</summary>
    [SettingRange(Section, 1, 3_600)]
    public int StaticTokensReloadSeconds { get; set; } = 5;
}
