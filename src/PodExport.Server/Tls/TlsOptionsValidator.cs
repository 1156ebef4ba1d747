using Microsoft.Extensions.Options;

namespace PodExport.Server.Tls;

/// <summary>Both files or neither, and the files exist (service.md S-1).</summary>
internal sealed class TlsOptionsValidator : IValidateOptions<TlsOptions>
{
    public ValidateOptionsResult Validate(string? name, TlsOptions options)
    {
        var certificate = !string.IsNullOrWhiteSpace(options.CertificateFile);
        var key = !string.IsNullOrWhiteSpace(options.KeyFile);
        if (certificate != key)
        {
            return ValidateOptionsResult.Fail(
                $"{TlsOptions.Section}:{(certificate ? nameof(TlsOptions.KeyFile) : nameof(TlsOptions.CertificateFile))} is not set; " +
                $"allowed: set {TlsOptions.Section}:{nameof(TlsOptions.CertificateFile)} and {TlsOptions.Section}:{nameof(TlsOptions.KeyFile)} together, or neither.");
        }

        foreach (var (setting, file) in new[] { (nameof(TlsOptions.CertificateFile), options.CertificateFile), (nameof(TlsOptions.KeyFile), options.KeyFile) })
        {
            if (file is not null && certificate && !File.Exists(file))
            {
                return ValidateOptionsResult.Fail($"{TlsOptions.Section}:{setting} is {file}; allowed: an existing PEM file.");
            }
        }

        return ValidateOptionsResult.Success;
    }
}
