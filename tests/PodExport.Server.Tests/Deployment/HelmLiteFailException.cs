namespace PodExport.Server.Tests.Deployment;

/// <summary>A template reached a <c>fail</c> call: helm would refuse to render these values.</summary>
public sealed class HelmLiteFailException : Exception
{
    public HelmLiteFailException()
    {
    }

    public HelmLiteFailException(string message)
        : base(message)
    {
    }

    public HelmLiteFailException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
