using k8s;
using k8s.Models;
using Microsoft.Extensions.Options;

namespace PodExport.Server.Auth;

/// <summary>
/// TokenReview and SubjectAccessReview through the shared cluster client (service.md S-5, S-9), each answer cached
/// in the <see cref="ReviewCache"/>. A review the API server could not answer throws
/// <see cref="ReviewUnavailableException"/> and is not cached.
/// </summary>
public sealed class KubernetesReviewer(
    IKubernetes client, ReviewCache cache, AuthMetrics metrics, IOptions<AuthOptions> options, ILogger<KubernetesReviewer> logger)
{
    private const string TokenType = "token";
    private const string AccessType = "access";
    private const string Authenticated = "authenticated";
    private const string Rejected = "rejected";
    private const string Allowed = "allowed";
    private const string Denied = "denied";
    private const string Error = "error";

    private readonly List<string>? _audiences = options.Value.Audiences.Count == 0 ? null : [.. options.Value.Audiences];

    /// <summary>The identity the token belongs to, or null for a token the API server does not accept.</summary>
    public async ValueTask<CallerIdentity?> ReviewTokenAsync(string token, CancellationToken cancellationToken)
    {
        var hash = TokenHash.ComputeHex(token);
        if (cache.TryGetToken(hash, out var cached))
        {
            metrics.RecordReview(TokenType, cached is null ? Rejected : Authenticated, cached: true);
            return cached;
        }

        V1TokenReview review;
        try
        {
            review = await client.AuthenticationV1.CreateTokenReviewAsync(
                new V1TokenReview { Spec = new V1TokenReviewSpec { Token = token, Audiences = _audiences } },
                cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.TokenReviewFailed(logger, e);
            metrics.RecordReview(TokenType, Error, cached: false);
            throw new ReviewUnavailableException(e);
        }

        var status = review.Status;
        CallerIdentity? identity = null;
        if (status?.Authenticated == true && status.User?.Username is { Length: > 0 } user && AudienceMatches(status))
        {
            identity = new CallerIdentity(user, [.. status.User.Groups ?? []], status.User.Uid);
        }
        else
        {
            // The API server's error text is about the token, not the token itself.
            Log.TokenRejected(logger, status?.Error ?? "not authenticated");
        }

        cache.SetToken(hash, identity);
        metrics.RecordReview(TokenType, identity is null ? Rejected : Authenticated, cached: false);
        return identity;
    }

    // TokenReview API: a client that sets spec.audiences must check that status.audiences has one of them, or an
    // API server that ignores audiences would accept a token meant for someone else.
    private bool AudienceMatches(V1TokenReviewStatus status) =>
        _audiences is null || (status.Audiences?.Any(a => _audiences.Contains(a, StringComparer.Ordinal)) ?? false);

    /// <summary>Whether the caller may <c>list pods</c> in <paramref name="ns"/> (<c>""</c>: every namespace).</summary>
    public async ValueTask<bool> MayListPodsAsync(CallerIdentity identity, string ns, CancellationToken cancellationToken)
    {
        if (cache.TryGetAccess(identity, ns, out var allowed))
        {
            metrics.RecordReview(AccessType, allowed ? Allowed : Denied, cached: true);
            return allowed;
        }

        V1SubjectAccessReview review;
        try
        {
            review = await client.AuthorizationV1.CreateSubjectAccessReviewAsync(
                new V1SubjectAccessReview
                {
                    Spec = new V1SubjectAccessReviewSpec
                    {
                        User = identity.User,
                        Groups = [.. identity.Groups],
                        Uid = identity.Uid,
                        ResourceAttributes = new V1ResourceAttributes
                        {
                            NamespaceProperty = ns,
                            Verb = "list",
                            Group = "",
                            Version = "v1",
                            Resource = "pods",
                        },
                    },
                },
                cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.AccessReviewFailed(logger, e, identity.User, ns);
            metrics.RecordReview(AccessType, Error, cached: false);
            throw new ReviewUnavailableException(e);
        }

        // An explicit denial and a "no opinion" both mean no (SubjectAccessReviewStatus: allowed is false then).
        allowed = review.Status?.Allowed == true && review.Status.Denied != true;
        cache.SetAccess(identity, ns, allowed);
        metrics.RecordReview(AccessType, allowed ? Allowed : Denied, cached: false);
        return allowed;
    }
}
