namespace PodExport.Server.Auth;

/// <summary>Carries the authenticated identity of one request from authentication to authorization.</summary>
internal sealed record CallerIdentityFeature(CallerIdentity Identity)
{
    public static void Set(HttpContext context, CallerIdentity identity) => context.Features.Set(new CallerIdentityFeature(identity));

    public static CallerIdentity? Get(HttpContext context) => context.Features.Get<CallerIdentityFeature>()?.Identity;
}
