using k8s;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PodExport.Cluster.Connection;

/// <summary>
/// Resolves the cluster identity once at start-up (pod-model §2): <c>Cluster:Id</c>, else the UID of namespace
/// <c>kube-system</c> (OTel <c>k8s.cluster.uid</c>). Start-up fails with a clear message when neither works. The
/// informers start only after this, so <see cref="Current"/> is set before the first pod arrives.
/// </summary>
public sealed class ClusterIdentityProvider(IKubernetes client, IOptions<ClusterOptions> options, ILogger<ClusterIdentityProvider> logger)
{
    private ClusterIdentity? _current;

    /// <summary>The resolved identity; throws before <see cref="ResolveAsync"/> has succeeded.</summary>
    public ClusterIdentity Current => _current ?? throw new InvalidOperationException("The cluster identity has not been resolved yet; it is read at start-up before the informers run.");

    public async Task<ClusterIdentity> ResolveAsync(CancellationToken cancellationToken)
    {
        if (_current is { } known)
        {
            return known;
        }

        var cluster = options.Value;
        var name = string.IsNullOrEmpty(cluster.Name) ? "default" : cluster.Name;
        if (string.IsNullOrEmpty(cluster.Name))
        {
            Log.ClusterNameUnset(logger);
        }

        string id;
        string source;
        if (!string.IsNullOrEmpty(cluster.Id))
        {
            id = Canonical(cluster.Id, $"{ClusterOptions.Section}:Id");
            source = $"{ClusterOptions.Section}:Id";
        }
        else
        {
            string? uid;
            try
            {
                var ns = await client.CoreV1.ReadNamespaceAsync("kube-system", cancellationToken: cancellationToken);
                uid = ns?.Metadata?.Uid;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                throw new ClusterConnectionException(
                    $"Cannot read namespace kube-system for the cluster id from {client.BaseUri}: {Describe(ex)}. Set {ClusterOptions.Section}:Id to the cluster's UUID, or grant 'get' on namespaces/kube-system.",
                    ex);
            }

            if (string.IsNullOrEmpty(uid))
            {
                throw new ClusterConnectionException($"Namespace kube-system on {client.BaseUri} has no metadata.uid; set {ClusterOptions.Section}:Id.");
            }

            id = Canonical(uid, "the kube-system namespace UID");
            source = "kube-system namespace UID";
        }

        _current = new ClusterIdentity(id, name);
        Log.ClusterIdentityResolved(logger, id, source, name);
        return _current;
    }

    private static string Canonical(string value, string what) =>
        Guid.TryParse(value, out var guid)
            ? guid.ToString("D")
            : throw new ClusterConnectionException($"{what} is \"{value}\", which is not a UUID.");

    private static string Describe(Exception ex) => ex switch
    {
        k8s.Autorest.HttpOperationException http => $"HTTP {(int)http.Response.StatusCode} {http.Response.ReasonPhrase}",
        _ => ex.Message,
    };
}
