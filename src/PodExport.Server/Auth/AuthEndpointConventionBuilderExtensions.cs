using Microsoft.Extensions.Options;
using PodExport.Server.Auth;
using PodExport.Server.Export;

namespace Microsoft.AspNetCore.Builder;

public static class AuthEndpointConventionBuilderExtensions
{
    /// <summary>
    /// Requires an authenticated caller (any valid bearer token of the configured mode) on these endpoints; a missing
    /// or bad token gets the 401 of service.md S-8. Works for plain request-delegate endpoints such as the Prometheus
    /// scraping endpoint, which endpoint filters do not reach.
    /// </summary>
    public static TBuilder RequirePodExportAuth<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.Protect(onlyWhenMetricsProtected: false);

    /// <summary>
    /// For <c>/metrics</c>: like <see cref="RequirePodExportAuth{TBuilder}"/> when <c>Auth:ProtectMetrics</c> is true,
    /// open otherwise (service.md S-2).
    /// </summary>
    public static TBuilder RequirePodExportAuthForMetrics<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.Protect(onlyWhenMetricsProtected: true);

    private static TBuilder Protect<TBuilder>(this TBuilder builder, bool onlyWhenMetricsProtected)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            var inner = endpoint.RequestDelegate;
            if (inner is null)
            {
                return;
            }

            endpoint.RequestDelegate = async context =>
            {
                var services = context.RequestServices;
                if (onlyWhenMetricsProtected && !services.GetRequiredService<IOptions<AuthOptions>>().Value.ProtectMetrics)
                {
                    await inner(context);
                    return;
                }

                var access = services.GetRequiredService<IExportAccess>();
                var result = await access.AuthenticateAsync(context, context.RequestAborted);
                if (result.Error is not null || result.Caller is null)
                {
                    await ExportResponses.WriteStreamErrorAsync(context, result.Error ?? ExportErrors.Internal, pretty: false);
                    return;
                }

                await inner(context);
            };
        });
        return builder;
    }
}
