namespace PodExport.Server.Tls;

internal static partial class Log
{
    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "TLS certificate loaded: subject {Subject}, thumbprint {Thumbprint}, expires {NotAfter:o}")]
    public static partial void CertificateLoaded(ILogger logger, string subject, string thumbprint, DateTime notAfter);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Error, Message = "TLS certificate files {CertificateFile} and {KeyFile} could not be loaded; keeping the previous certificate")]
    public static partial void CertificateInvalid(ILogger logger, Exception exception, string certificateFile, string keyFile);
}
