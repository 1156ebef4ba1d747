namespace PodExport.Server.Auth;

/// <summary>The API server did not answer a review; the request gets 503, code 14 (service.md S-5).</summary>
public sealed class ReviewUnavailableException : Exception
{
    public ReviewUnavailableException()
    {
    }

    public ReviewUnavailableException(string message)
        : base(message)
    {
    }

    public ReviewUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ReviewUnavailableException(Exception innerException)
        : base("the Kubernetes API server did not answer a review", innerException)
    {
    }
}
