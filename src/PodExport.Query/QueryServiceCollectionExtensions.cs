using Microsoft.Extensions.DependencyInjection.Extensions;
using PodExport.Query;

namespace Microsoft.Extensions.DependencyInjection;

public static class QueryServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="QueryCompiler"/> as a singleton with its own size-bounded cache (the shared
    /// <c>IMemoryCache</c> has no size limit, and entries of a size-limited cache must all carry a size).
    /// </summary>
    public static IServiceCollection AddPodExportQuery(this IServiceCollection services)
    {
        services.TryAddSingleton(static _ => new QueryCompiler());
        return services;
    }
}
