using PodExport.Server.Export;

namespace PodExport.Server.Auth;

/// <summary><c>Auth:Mode=StaticTokens</c>: tokens, users and namespace rules from a file (service.md S-6).</summary>
public sealed class StaticTokensExportAccess(StaticTokenStore store) : IExportAccess
{
    public ValueTask<AuthenticationResult> AuthenticateAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var token = BearerToken.Read(context.Request);
        if (token is null)
        {
            return ValueTask.FromResult(Challenge.Fail(context, AuthErrors.AuthenticationRequired));
        }

        if (!store.Current.TryFind(token, out var identity, out var scope) || identity is null)
        {
            return ValueTask.FromResult(Challenge.Fail(context, AuthErrors.InvalidToken));
        }

        CallerIdentityFeature.Set(context, identity);
        context.Features.Set(new StaticScopeFeature(scope));
        return ValueTask.FromResult(AuthenticationResult.Success(new ExportCaller(identity.User)));
    }

    public ValueTask<AuthorizationResult> AuthorizeAsync(HttpContext context, ExportCaller caller, CancellationToken cancellationToken)
    {
        // The rules of the set the token was found in, so a reload between the two steps cannot mix two files.
        var scope = context.Features.Get<StaticScopeFeature>()?.Scope;
        return ValueTask.FromResult(scope is null
            ? AuthorizationResult.Failure(AuthErrors.NoNamespace)
            : AuthorizationResult.Success(scope));
    }

    private sealed record StaticScopeFeature(NamespaceScope? Scope);
}
