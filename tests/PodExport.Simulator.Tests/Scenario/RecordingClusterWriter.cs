using k8s;
using k8s.Models;
using PodExport.Simulator.State;

namespace PodExport.Simulator.Tests.Scenario;

/// <summary>One write seen by <see cref="RecordingClusterWriter"/>.</summary>
public sealed record RecordedEvent(string Type, long ResourceVersion, IKubernetesObject<V1ObjectMeta> Object)
{
    public string Kind => Object.Kind;

    public string? Namespace => Object.Metadata.NamespaceProperty;

    public string Name => Object.Metadata.Name;
}

/// <summary>
/// A stand-in for the simulator's store (which lives on another branch): keeps the current objects, assigns
/// sequential resourceVersions and records every event. Like the API server it refuses a create of an existing
/// object and an update or delete of a missing one.
/// </summary>
public sealed class RecordingClusterWriter : IClusterWriter
{
    private static readonly HashSet<string> ClusterScoped = ["Namespace", "Node"];

    private readonly Lock _gate = new();
    private readonly Dictionary<(string Kind, string? Namespace, string Name), IKubernetesObject<V1ObjectMeta>> _objects = [];
    private readonly List<RecordedEvent> _events = [];
    private long _resourceVersion;

    public IReadOnlyList<RecordedEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    public int EventCount
    {
        get
        {
            lock (_gate)
            {
                return _events.Count;
            }
        }
    }

    public IReadOnlyList<IKubernetesObject<V1ObjectMeta>> Objects
    {
        get
        {
            lock (_gate)
            {
                return [.. _objects.Values];
            }
        }
    }

    public IKubernetesObject<V1ObjectMeta>? Get(string kind, string? @namespace, string name)
    {
        lock (_gate)
        {
            return _objects.GetValueOrDefault((kind, @namespace, name));
        }
    }

    public long Create(IKubernetesObject<V1ObjectMeta> obj)
    {
        lock (_gate)
        {
            var key = Key(obj);
            if (_objects.ContainsKey(key))
            {
                throw new InvalidOperationException($"{key} already exists.");
            }

            obj.Metadata.Uid ??= $"fake-uid-{_resourceVersion + 1}";
            return Record("ADDED", key, obj);
        }
    }

    public long Update(IKubernetesObject<V1ObjectMeta> obj)
    {
        lock (_gate)
        {
            var key = Key(obj);
            if (!_objects.TryGetValue(key, out var existing))
            {
                throw new InvalidOperationException($"{key} does not exist.");
            }

            if (existing.Metadata.Uid != obj.Metadata.Uid)
            {
                throw new InvalidOperationException($"{key}: uid {obj.Metadata.Uid} does not match {existing.Metadata.Uid}.");
            }

            return Record("MODIFIED", key, obj);
        }
    }

    public long Delete(string kind, string? @namespace, string name, bool graceful)
    {
        lock (_gate)
        {
            var key = (kind, @namespace, name);
            if (!_objects.TryGetValue(key, out var existing))
            {
                return -1;
            }

            // The deleted object is the last one written; stamping it would rewrite that earlier event.
            if (graceful)
            {
                _events.Add(new RecordedEvent("MODIFIED", ++_resourceVersion, existing));
            }

            var rv = ++_resourceVersion;
            _events.Add(new RecordedEvent("DELETED", rv, existing));
            _objects.Remove(key);
            return rv;
        }
    }

    private long Record(string type, (string, string?, string) key, IKubernetesObject<V1ObjectMeta> obj)
    {
        var rv = ++_resourceVersion;
        obj.Metadata.ResourceVersion = rv.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _objects[key] = obj;
        _events.Add(new RecordedEvent(type, rv, obj));
        return rv;
    }

    private static (string Kind, string? Namespace, string Name) Key(IKubernetesObject<V1ObjectMeta> obj)
    {
        if (string.IsNullOrEmpty(obj.Kind) || string.IsNullOrEmpty(obj.ApiVersion))
        {
            throw new ArgumentException("kind and apiVersion must be set.", nameof(obj));
        }

        if (string.IsNullOrEmpty(obj.Metadata?.Name))
        {
            throw new ArgumentException("metadata.name must be set.", nameof(obj));
        }

        var ns = obj.Metadata.NamespaceProperty;
        if (ClusterScoped.Contains(obj.Kind) != string.IsNullOrEmpty(ns))
        {
            throw new ArgumentException($"{obj.Kind} {obj.Metadata.Name}: wrong namespace '{ns}'.", nameof(obj));
        }

        return (obj.Kind, ns, obj.Metadata.Name);
    }
}
