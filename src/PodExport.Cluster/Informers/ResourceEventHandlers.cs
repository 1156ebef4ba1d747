namespace PodExport.Cluster.Informers;

/// <summary>Combines the registered handlers of one type into the one a reflector calls.</summary>
public static class ResourceEventHandlers
{
    public static IResourceEventHandler<T> Combine<T>(IEnumerable<IResourceEventHandler<T>> handlers)
    {
        var all = handlers.ToArray();
        return all.Length switch
        {
            0 => NoHandler<T>.Instance,
            1 => all[0],
            _ => new FanOut<T>(all),
        };
    }

    private sealed class NoHandler<T> : IResourceEventHandler<T>
    {
        public static readonly NoHandler<T> Instance = new();

        public void OnList(IReadOnlyList<ResourceEvent<T>> changes, bool initial)
        {
        }

        public void OnEvent(ResourceEvent<T> change)
        {
        }
    }

    private sealed class FanOut<T>(IResourceEventHandler<T>[] handlers) : IResourceEventHandler<T>
    {
        public void OnList(IReadOnlyList<ResourceEvent<T>> changes, bool initial)
        {
            foreach (var handler in handlers)
            {
                handler.OnList(changes, initial);
            }
        }

        public void OnEvent(ResourceEvent<T> change)
        {
            foreach (var handler in handlers)
            {
                handler.OnEvent(change);
            }
        }
    }
}
