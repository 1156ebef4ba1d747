namespace PodExport.Cluster.Informers;

/// <summary>
/// One kind's state across its reflectors (one per namespace with <c>Cluster:Namespaces</c>, else one).
/// </summary>
/// <param name="Kind">The Kubernetes kind.</param>
/// <param name="Synced">Every reflector of the kind has applied its first list (kubernetes-api B.9).</param>
/// <param name="DisconnectedSince">Earliest start of a current disconnection, or null when all are connected.</param>
/// <param name="Degraded">Disconnected longer than <c>Informer:DegradedAfterSeconds</c> (service.md S-13).</param>
public sealed record KindStatus(string Kind, bool Synced, DateTimeOffset? DisconnectedSince, bool Degraded);
