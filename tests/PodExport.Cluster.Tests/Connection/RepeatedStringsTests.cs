using System.Text;
using System.Text.Json;
using k8s;
using k8s.Models;
using PodExport.Cluster.Connection;

namespace PodExport.Cluster.Tests.Connection;

public sealed class RepeatedStringsTests
{
    [Fact]
    public void TrimmedDecoding_TwoReplicas_ShareRepeatedStringsButNotTheirOwn()
    {
        var options = TrimmedDecoding.Apply(new KubernetesClientConfiguration { Host = "http://127.0.0.1:1" }).JsonSerializerOptions;
        var second = RealisticPod.Json.Replace("x2k4q", "q9z8w", StringComparison.Ordinal).Replace("5b7e2c1a-9f3d", "77777777-9f3d", StringComparison.Ordinal);

        var a = KubernetesJson.Deserialize<V1Pod>(RealisticPod.Json, options);
        var b = KubernetesJson.Deserialize<V1Pod>(second, options);

        Assert.Same(a.Metadata.NamespaceProperty, b.Metadata.NamespaceProperty);
        Assert.Same(a.Metadata.Labels["pod-template-hash"], b.Metadata.Labels["pod-template-hash"]);
        Assert.Same(a.Metadata.Labels.Keys.First(), b.Metadata.Labels.Keys.First());
        Assert.Same(a.Metadata.OwnerReferences[0].Uid, b.Metadata.OwnerReferences[0].Uid);
        Assert.Same(a.Spec.NodeName, b.Spec.NodeName);
        Assert.Same(a.Spec.Containers[0].Image, b.Spec.Containers[0].Image);
        Assert.Same(a.Status.ContainerStatuses[0].ImageID, b.Status.ContainerStatuses[0].ImageID);
        Assert.Same(a.Status.ContainerStatuses[0].LastState.Terminated.Reason, b.Status.ContainerStatuses[0].LastState.Terminated.Reason);
        Assert.NotEqual(a.Metadata.Name, b.Metadata.Name);
        Assert.NotEqual(a.Metadata.Uid, b.Metadata.Uid);
    }

    [Fact]
    public void TrimmedDecoding_UnusualLabels_DecodeAsTheClientDecodesThem()
    {
        // Escapes, a non-ASCII value, an empty value, a null value, a repeated key (the last one wins) and a value too
        // long to pool.
        var json = """
            {"metadata":{"name":"p","namespace":"n\u0073","uid":"u","labels":{
              "a\u0070p":"w\u00e9b","empty":"","nothing":null,"twice":"first","twice":"second","long":"LONG"}}}
            """.Replace("LONG", new string('x', 300), StringComparison.Ordinal);
        var options = TrimmedDecoding.Apply(new KubernetesClientConfiguration { Host = "http://127.0.0.1:1" }).JsonSerializerOptions;

        var expected = KubernetesJson.Deserialize<V1Pod>(json);
        var actual = KubernetesJson.Deserialize<V1Pod>(json, options);

        Assert.Equal(expected.Metadata.Labels, actual.Metadata.Labels);
        Assert.Equal(expected.Metadata.Labels.GetType(), actual.Metadata.Labels.GetType());
        Assert.Equal("ns", actual.Metadata.NamespaceProperty);
        Assert.Equal("wéb", actual.Metadata.Labels["app"]);
    }

    [Fact]
    public void RepeatedStrings_AtCapacity_StartsAfreshInsteadOfGrowing()
    {
        var pool = new RepeatedStrings(capacity: 4);

        for (var i = 0; i < 10; i++)
        {
            Read(pool, $"value-{i}");
            Assert.InRange(pool.Count, 1, 4);
        }

        Assert.Same(Read(pool, "value-9"), Read(pool, "value-9"));
    }

    private static string Read(RepeatedStrings pool, string value)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value)));
        reader.Read();
        return pool.Read(ref reader);
    }
}
