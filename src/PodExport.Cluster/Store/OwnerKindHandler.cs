using PodExport.Cluster.Informers;
using PodExport.Cluster.Workloads;

namespace PodExport.Cluster.Store;

/// <summary>The store's owner handler bound to one kind, so an initial list (even an empty one) marks that kind synced.</summary>
internal sealed class OwnerKindHandler(PodStore store, string kind) : IResourceEventHandler<OwnerObject>
{
    public void OnList(IReadOnlyList<ResourceEvent<OwnerObject>> changes, bool initial)
    {
        store.OnList(changes, initial);
        if (initial)
        {
            store.MarkOwnerKindSynced(kind);
        }
    }

    public void OnEvent(ResourceEvent<OwnerObject> change) => store.OnEvent(change);
}
