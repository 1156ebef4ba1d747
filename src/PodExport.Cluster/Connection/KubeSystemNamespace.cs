using k8s;
using k8s.Autorest;

namespace PodExport.Cluster.Connection;

/// <summary>
/// Reads the UID of namespace <c>kube-system</c>, the cluster id when <c>Cluster:Id</c> is unset (kubernetes-api A.1,
/// OTel <c>k8s.cluster.uid</c>). Any failure becomes a start-up error that says what to do about it.
/// </summary>
public static class KubeSystemNamespace
{
    public const string Name = "kube-system";

    public static async Task<string> ReadUidAsync(IKubernetes client, CancellationToken cancellationToken)
    {
        string? uid;
        try
        {
            var ns = await client.CoreV1.ReadNamespaceAsync(Name, cancellationToken: cancellationToken);
            uid = ns?.Metadata?.Uid;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw new ClusterConnectionException(
                $"Cannot read namespace {Name} for the cluster id from {client.BaseUri}: {Describe(ex)}. Set Cluster:Id to the cluster's UUID, or grant 'get' on namespaces/{Name}.",
                ex);
        }

        if (string.IsNullOrEmpty(uid) || !Guid.TryParse(uid, out _))
        {
            throw new ClusterConnectionException($"Namespace {Name} on {client.BaseUri} has no usable metadata.uid (\"{uid}\"); set Cluster:Id.");
        }

        return uid;
    }

    private static string Describe(Exception ex) => ex switch
    {
        HttpOperationException http => $"HTTP {(int)http.Response.StatusCode} {http.Response.ReasonPhrase}",
        _ => ex.Message,
    };
}
