using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using k8s;
using k8s.Models;

namespace PodExport.Simulator.State;

/// <summary>
/// One immutable version of an object: its JSON without <c>kind</c>/<c>apiVersion</c> (the list item shape) and the
/// few fields that selectors and counts read.
/// </summary>
internal sealed class StoredObject
{
    // The options KubernetesJson serializes with (camelCase, nulls omitted, the client's converters; AddJsonOptions
    // hands over the instance it uses), escaping like kube-apiserver's encoding/json: a quote inside a string is \",
    // not \u0022, and non-ASCII text is left as it is. Managed-field keys such as k:{"name":"app"} are full of quotes.
    private static readonly Lazy<JsonSerializerOptions> ServerJsonOptions = new(() =>
    {
        JsonSerializerOptions? client = null;
        KubernetesJson.AddJsonOptions(o => client = o);
        return new JsonSerializerOptions(client ?? throw new InvalidOperationException("KubernetesJson exposed no serializer options."))
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
    });

    private StoredObject(ResourceKind kind, ObjectKey key, string uid, long resourceVersion, byte[] json,
        IDictionary<string, string>? labels, string? nodeName, string? phase, bool terminating, DateTime? creationTimestamp)
    {
        CreationTimestamp = creationTimestamp;
        Kind = kind;
        Key = key;
        Uid = uid;
        ResourceVersion = resourceVersion;
        Json = json;
        Labels = labels;
        NodeName = nodeName;
        Phase = phase;
        Terminating = terminating;
    }

    public static IComparer<StoredObject> KeyComparer { get; } = Comparer<StoredObject>.Create((a, b) => ObjectKey.Compare(a.Key, b.Key));

    public ResourceKind Kind { get; }

    public ObjectKey Key { get; }

    public string Uid { get; }

    public long ResourceVersion { get; }

    /// <summary>Compact JSON, starting with <c>{"metadata":</c>, with no kind/apiVersion.</summary>
    public byte[] Json { get; }

    public IDictionary<string, string>? Labels { get; }

    public string? NodeName { get; }

    public string? Phase { get; }

    public bool Terminating { get; }

    public DateTime? CreationTimestamp { get; }

    /// <summary>A key-only instance for seeking in the sorted sets.</summary>
    public static StoredObject Probe(ResourceKind kind, ObjectKey key) => new(kind, key, "", 0, [], null, null, null, false, null);

    /// <summary>Snapshots <paramref name="obj"/> (whose RV the caller already stamped).</summary>
    public static StoredObject From(ResourceKind kind, IKubernetesObject<V1ObjectMeta> obj, long resourceVersion)
    {
        var meta = obj.Metadata;
        var key = new ObjectKey(meta.NamespaceProperty ?? "", meta.Name);
        string? nodeName = null;
        string? phase = null;
        switch (obj)
        {
            case V1Pod pod:
                nodeName = pod.Spec?.NodeName;
                phase = pod.Status?.Phase;
                break;
            case V1Namespace ns:
                phase = ns.Status?.Phase;
                break;
        }

        var labels = meta.Labels is null ? null : new Dictionary<string, string>(meta.Labels, StringComparer.Ordinal);
        return new StoredObject(kind, key, meta.Uid ?? "", resourceVersion, Serialize(obj), labels, nodeName, phase,
            meta.DeletionTimestamp is not null, meta.CreationTimestamp);
    }

    /// <summary>A fresh model object (kind and apiVersion set), safe for the caller to mutate.</summary>
    public IKubernetesObject<V1ObjectMeta> ToModel()
    {
        var obj = Kind.Parse(Encoding.UTF8.GetString(Json));
        obj.Kind = Kind.Kind;
        obj.ApiVersion = Kind.ApiVersion;
        return obj;
    }

    /// <summary>The list-item JSON: no kind/apiVersion, as kube-apiserver lists carry them.</summary>
    private static byte[] Serialize(IKubernetesObject<V1ObjectMeta> obj)
    {
        var (kind, apiVersion) = (obj.Kind, obj.ApiVersion);
        obj.Kind = null;
        obj.ApiVersion = null;
        try
        {
            // Straight to UTF-8: going through KubernetesJson.Serialize's string costs a UTF-16 copy and a
            // transcoding of every object written, which adds up at 10 KB a pod.
            return JsonSerializer.SerializeToUtf8Bytes(obj, obj.GetType(), ServerJsonOptions.Value);
        }
        finally
        {
            obj.Kind = kind;
            obj.ApiVersion = apiVersion;
        }
    }
}
