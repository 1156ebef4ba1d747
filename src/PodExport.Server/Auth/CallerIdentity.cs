namespace PodExport.Server.Auth;

/// <summary>
/// Who a bearer token belongs to, as TokenReview or the static tokens file says. Kept on the request as a feature
/// between authentication (W-11 step 2) and authorization (step 4); never holds the token.
/// </summary>
public sealed record CallerIdentity(string User, IReadOnlyList<string> Groups, string? Uid)
{
    /// <summary>The user and sorted groups: what the access decisions are cached by (S-9).</summary>
    public string AccessKey => User + "\n" + string.Join("\n", Groups.Order(StringComparer.Ordinal));
}
