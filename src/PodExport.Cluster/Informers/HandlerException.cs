namespace PodExport.Cluster.Informers;

/// <summary>An <see cref="IResourceEventHandler{T}"/> threw; the reflector relists so the handler can catch up.</summary>
public sealed class HandlerException : Exception
{
    public HandlerException()
    {
    }

    public HandlerException(string message)
        : base(message)
    {
    }

    public HandlerException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
