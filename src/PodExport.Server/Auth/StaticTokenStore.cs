using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace PodExport.Server.Auth;

/// <summary>
/// Keeps the static tokens file loaded (service.md S-6). The file is re-read every
/// <c>Auth:StaticTokensReloadSeconds</c> on the injected clock and swapped in when its bytes changed; polling the
/// content follows a Secret volume's symlink swap (<c>..data</c>), which change notifications on the file can miss.
/// A file that does not parse keeps the last good set and logs an error; a bad file at start-up stops the start.
/// </summary>
public sealed class StaticTokenStore : IDisposable
{
    private readonly string _path;
    private readonly ILogger<StaticTokenStore> _logger;
    private readonly ITimer _timer;
    private readonly Lock _reloadLock = new();
    private volatile StaticTokenSet _current;
    private byte[] _contentHash;

    public StaticTokenStore(IOptions<AuthOptions> options, TimeProvider timeProvider, ILogger<StaticTokenStore> logger)
    {
        _path = options.Value.StaticTokensFile
            ?? throw new InvalidOperationException($"{AuthOptions.Section}:{nameof(AuthOptions.StaticTokensFile)} is not set.");
        _logger = logger;
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(_path);
            _current = StaticTokenSet.Parse(System.Text.Encoding.UTF8.GetString(bytes));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or YamlDotNet.Core.YamlException)
        {
            // service.md S-1: a bad file at start-up stops the process with a message naming the setting.
            throw new InvalidOperationException(
                $"{AuthOptions.Section}:{nameof(AuthOptions.StaticTokensFile)} is {_path}; allowed: a readable file in the auth-config format ({e.Message})", e);
        }

        _contentHash = SHA256.HashData(bytes);
        Log.StaticTokensLoaded(logger, _path, _current.Count);
        var period = TimeSpan.FromSeconds(options.Value.StaticTokensReloadSeconds);
        _timer = timeProvider.CreateTimer(_ => Reload(), null, period, period);
    }

    public StaticTokenSet Current => _current;

    /// <summary>Re-reads the file now; returns whether a new set was swapped in.</summary>
    public bool Reload()
    {
        lock (_reloadLock)
        {
            try
            {
                var bytes = File.ReadAllBytes(_path);
                var hash = SHA256.HashData(bytes);
                if (CryptographicOperations.FixedTimeEquals(hash, _contentHash))
                {
                    return false;
                }

                var set = StaticTokenSet.Parse(System.Text.Encoding.UTF8.GetString(bytes));
                _contentHash = hash;
                _current = set;
                Log.StaticTokensLoaded(_logger, _path, set.Count);
                return true;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or YamlDotNet.Core.YamlException)
            {
                Log.StaticTokensInvalid(_logger, e, _path, _current.Count);
                return false;
            }
        }
    }

    public void Dispose() => _timer.Dispose();
}
