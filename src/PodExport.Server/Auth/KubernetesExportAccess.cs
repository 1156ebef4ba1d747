using PodExport.Model.Records;
using PodExport.Server.Export;

namespace PodExport.Server.Auth;

/// <summary>
/// <c>Auth:Mode=Kubernetes</c>: the bearer token goes to a TokenReview (S-5); access is a SubjectAccessReview for
/// <c>list pods</c> cluster-wide, else one per namespace of the view (S-9).
/// </summary>
public sealed class KubernetesExportAccess(KubernetesReviewer reviewer, ViewNamespaces viewNamespaces, IPodSnapshotSource source) : IExportAccess
{
    // Per-namespace reviews of a first export run this many at a time; later exports hit the cache.
    private const int ReviewParallelism = 8;

    public async ValueTask<AuthenticationResult> AuthenticateAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var token = BearerToken.Read(context.Request);
        if (token is null)
        {
            return Challenge.Fail(context, AuthErrors.AuthenticationRequired);
        }

        CallerIdentity? identity;
        try
        {
            identity = await reviewer.ReviewTokenAsync(token, cancellationToken);
        }
        catch (ReviewUnavailableException)
        {
            return AuthenticationResult.Failure(AuthErrors.ReviewUnavailable);
        }

        if (identity is null)
        {
            return Challenge.Fail(context, AuthErrors.InvalidToken);
        }

        CallerIdentityFeature.Set(context, identity);
        return AuthenticationResult.Success(new ExportCaller(identity.User));
    }

    public async ValueTask<AuthorizationResult> AuthorizeAsync(HttpContext context, ExportCaller caller, CancellationToken cancellationToken)
    {
        var identity = CallerIdentityFeature.Get(context)
            ?? throw new InvalidOperationException("AuthorizeAsync was called without a successful AuthenticateAsync.");
        try
        {
            if (await reviewer.MayListPodsAsync(identity, "", cancellationToken))
            {
                return AuthorizationResult.Success(NamespaceScope.All);
            }

            // Until the first list the view has no namespaces to ask about; the export answers 503 at step 6
            // instead of a 403 that would only say the cache is empty.
            if (!source.IsSynced)
            {
                return AuthorizationResult.Failure(ExportErrors.NotSynchronized);
            }

            var allowed = new List<string>();
            var namespaces = viewNamespaces.Current();
            await Parallel.ForEachAsync(
                namespaces,
                new ParallelOptions { MaxDegreeOfParallelism = ReviewParallelism, CancellationToken = cancellationToken },
                async (ns, ct) =>
                {
                    if (await reviewer.MayListPodsAsync(identity, ns, ct))
                    {
                        lock (allowed)
                        {
                            allowed.Add(ns);
                        }
                    }
                });

            return allowed.Count == 0
                ? AuthorizationResult.Failure(AuthErrors.NoNamespace)
                : AuthorizationResult.Success(NamespaceScope.Only(allowed));
        }
        catch (ReviewUnavailableException)
        {
            return AuthorizationResult.Failure(AuthErrors.ReviewUnavailable);
        }
    }
}
