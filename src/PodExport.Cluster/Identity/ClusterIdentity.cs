using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PodExport.Cluster.Identity;

/// <summary>
/// The cluster id and name stamped on every pod (pod-model §2). The id comes from <c>Cluster:Id</c>, else from the
/// <c>kube-system</c> namespace UID that the informer layer hands to <see cref="UseKubeSystemUid"/> at start-up.
/// </summary>
public sealed partial class ClusterIdentity
{
    private readonly ILogger<ClusterIdentity> _logger;
    private string? _id;

    public ClusterIdentity(IOptions<ClusterOptions> options, ILogger<ClusterIdentity> logger)
    {
        _logger = logger;
        var value = options.Value;
        if (!string.IsNullOrEmpty(value.Id))
        {
            _id = Canonical(value.Id);
        }

        Name = string.IsNullOrEmpty(value.Name) ? ClusterOptions.DefaultName : value.Name;
        if (string.IsNullOrEmpty(value.Name))
        {
            // Several gateways that all say "default" cannot be told apart by the Cluster label.
            LogNameUnset(_logger, ClusterOptions.DefaultName);
        }
    }

    /// <summary>True while no id is known: the informer layer must read <c>kube-system</c> and call <see cref="UseKubeSystemUid"/>.</summary>
    public bool NeedsKubeSystemUid => Volatile.Read(ref _id) is null;

    /// <summary>Lowercase canonical UUID; throws until known.</summary>
    public string Id => Volatile.Read(ref _id)
        ?? throw new InvalidOperationException("The cluster id is not known yet: set Cluster:Id or read the kube-system namespace UID first.");

    public Guid IdGuid => Guid.ParseExact(Id, "D");

    public string Name { get; }

    /// <summary>Sets the id from namespace <c>kube-system</c>'s <c>metadata.uid</c>; ignored when <c>Cluster:Id</c> is set.</summary>
    public void UseKubeSystemUid(string uid)
    {
        if (!Guid.TryParse(uid, out _))
        {
            throw new InvalidOperationException($"The kube-system namespace UID '{uid}' is not a UUID; set Cluster:Id.");
        }

        if (Interlocked.CompareExchange(ref _id, Canonical(uid), null) is null)
        {
            LogIdFromKubeSystem(_logger, Id);
        }
    }

    private static string Canonical(string id) => Guid.Parse(id).ToString("D");

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Cluster:Name is not set; pods carry the cluster name '{Name}', which several clusters may share")]
    private static partial void LogNameUnset(ILogger logger, string name);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Cluster:Id is not set; using the kube-system namespace UID {ClusterId}")]
    private static partial void LogIdFromKubeSystem(ILogger logger, string clusterId);
}
