namespace PodExport.Server.Auth;

/// <summary>How callers are authenticated and authorized (setting <c>Auth:Mode</c>, service.md S-5 to S-7).</summary>
public enum AuthMode
{
    /// <summary>TokenReview and SubjectAccessReview against the cluster (the default).</summary>
    Kubernetes,

    /// <summary>Tokens, users and namespace rules from <c>Auth:StaticTokensFile</c>.</summary>
    StaticTokens,

    /// <summary>No checks: every caller sees every namespace.</summary>
    None,
}
