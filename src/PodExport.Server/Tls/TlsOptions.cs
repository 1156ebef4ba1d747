namespace PodExport.Server.Tls;

/// <summary>Settings of HTTPS, section <c>Tls</c> (service.md S-2): on when both files are set.</summary>
public sealed class TlsOptions
{
    public const string Section = "Tls";

    /// <summary>PEM certificate (chain) file, e.g. <c>tls.crt</c> of a kubernetes.io/tls Secret.</summary>
    public string? CertificateFile { get; set; }

    /// <summary>PEM private key file, e.g. <c>tls.key</c>.</summary>
    public string? KeyFile { get; set; }

    /// <summary>How often the files are checked for a new certificate, in seconds.</summary>
    [PodExport.Server.Options.SettingRange(Section, 1, 3_600)]
    public int ReloadSeconds { get; set; } = 10;

    public bool Enabled => !string.IsNullOrWhiteSpace(CertificateFile) && !string.IsNullOrWhiteSpace(KeyFile);
}
