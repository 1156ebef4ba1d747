namespace PodExport.Cluster.Connection;

/// <summary>Start-up could not find or reach a cluster; the message says what was tried.</summary>
public sealed class ClusterConnectionException : Exception
{
    public ClusterConnectionException()
    {
    }

    public ClusterConnectionException(string message)
        : base(message)
    {
    }

    public ClusterConnectionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
