using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace PodExport.Server.Tls;

/// <summary>
/// The server certificate from the PEM files of <c>Tls:*</c>, reloaded when they change (service.md S-2). A
/// handshake asks for <see cref="Current"/>; at most every <c>Tls:ReloadSeconds</c> on the injected clock the files
/// are read and compared with what was loaded, which also follows a Secret volume's symlink swap. Files that do not
/// load (for example a key written before its certificate) keep the previous certificate until the next check.
/// </summary>
public sealed class CertificateReloader : IDisposable
{
    private readonly string _certificateFile;
    private readonly string _keyFile;
    private readonly TimeSpan _period;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<CertificateReloader> _logger;
    private readonly Lock _lock = new();
    private volatile X509Certificate2 _current;
    private byte[] _contentHash;
    private long _lastCheck;

    public CertificateReloader(IOptions<TlsOptions> options, TimeProvider timeProvider, ILogger<CertificateReloader> logger)
    {
        var settings = options.Value;
        _certificateFile = settings.CertificateFile ?? throw new InvalidOperationException("Tls:CertificateFile is not set.");
        _keyFile = settings.KeyFile ?? throw new InvalidOperationException("Tls:KeyFile is not set.");
        _period = TimeSpan.FromSeconds(settings.ReloadSeconds);
        _timeProvider = timeProvider;
        _logger = logger;
        var (hash, certificate) = Load();
        _contentHash = hash;
        _current = certificate;
        _lastCheck = timeProvider.GetTimestamp();
    }

    /// <summary>The certificate to present, reloaded first when the check period has passed.</summary>
    public X509Certificate2 Current
    {
        get
        {
            if (_timeProvider.GetElapsedTime(Interlocked.Read(ref _lastCheck)) >= _period)
            {
                Reload();
            }

            return _current;
        }
    }

    /// <summary>Reads the files now; returns whether a new certificate was swapped in.</summary>
    public bool Reload()
    {
        lock (_lock)
        {
            Interlocked.Exchange(ref _lastCheck, _timeProvider.GetTimestamp());
            try
            {
                var hash = ContentHash();
                if (CryptographicOperations.FixedTimeEquals(hash, _contentHash))
                {
                    return false;
                }

                var (loadedHash, certificate) = Load();
                _contentHash = loadedHash;

                // The previous certificate may still be in use by a handshake; it is left to the finalizer.
                _current = certificate;
                return true;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
            {
                Log.CertificateInvalid(_logger, e, _certificateFile, _keyFile);
                return false;
            }
        }
    }

    public void Dispose() => _current.Dispose();

    private (byte[] Hash, X509Certificate2 Certificate) Load()
    {
        var hash = ContentHash();
        var certificate = X509Certificate2.CreateFromPemFile(_certificateFile, _keyFile);
        Log.CertificateLoaded(_logger, certificate.Subject, certificate.Thumbprint, certificate.NotAfter);
        return (hash, certificate);
    }

    private byte[] ContentHash()
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(File.ReadAllBytes(_certificateFile));
        sha.AppendData(File.ReadAllBytes(_keyFile));
        return sha.GetHashAndReset();
    }
}
