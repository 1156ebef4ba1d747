using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PodExport.Server.Tests.Tls;

/// <summary>Self-signed certificates written as PEM files, as a kubernetes.io/tls Secret holds them.</summary>
internal static class TestCertificates
{
    /// <summary>Writes a new certificate for <c>localhost</c> and returns its thumbprint.</summary>
    public static string Write(string certificateFile, string keyFile, string subject = "CN=localhost")
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        san.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
        File.WriteAllText(certificateFile, certificate.ExportCertificatePem());
        File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());
        return certificate.Thumbprint;
    }
}
