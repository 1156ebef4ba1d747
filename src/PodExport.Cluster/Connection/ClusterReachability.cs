using k8s;
using k8s.Autorest;

namespace PodExport.Cluster.Connection;

/// <summary>
/// The start-up check that the chosen cluster answers (issue 4 part 5): <c>GET /version</c>, which every
/// authenticated caller may read. A failure becomes one message naming the server and where its address came from.
/// </summary>
public static class ClusterReachability
{
    public static async Task VerifyAsync(IKubernetes client, KubernetesConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            await client.Version.GetCodeAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var why = ex is HttpOperationException http ? $"HTTP {(int)http.Response.StatusCode} {http.Response.ReasonPhrase}" : ex.Message;
            throw new ClusterConnectionException($"The Kubernetes API server {client.BaseUri} ({connection.Source}) cannot be reached: {why}.", ex);
        }
    }
}
