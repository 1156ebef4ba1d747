using System.Text.Json;
using k8s;
using k8s.Models;
using PodExport.Cluster.Connection;
using PodExport.Cluster.Pods;

namespace PodExport.Cluster.Tests.Connection;

public sealed class TrimmedDecodingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TrimmedDecoding_RealisticPod_ConvertsExactlyAsTheFullDecode()
    {
        var trimmed = Decode<V1Pod>(RealisticPod.Json);
        var converter = new PodConverter(includeInitContainers: true, includeEphemeralContainers: true);

        var expected = converter.Convert(RealisticPod.Full(), Now);
        var actual = converter.Convert(trimmed, Now);

        // Everything the pipeline reads survives: instances (live and terminated), images, IPs, owner input, restarts.
        Assert.Equivalent(expected, actual, strict: true);
        Assert.Equal(3, actual.LiveInstances.Count);
        Assert.Equal(2, actual.Terminated.Count);
    }

    [Fact]
    public void TrimmedDecoding_RealisticPod_SkipsWhatNothingReads()
    {
        var full = RealisticPod.Full();
        var trimmed = Decode<V1Pod>(RealisticPod.Json);

        // The fixture has them all, so their absence below is the trimming.
        Assert.NotNull(full.Metadata.ManagedFields);
        Assert.NotNull(full.Spec.Volumes);
        Assert.Null(trimmed.Metadata.ManagedFields);
        Assert.Null(trimmed.Metadata.Annotations);
        Assert.Null(trimmed.Metadata.GenerateName);
        Assert.Null(trimmed.Spec.Volumes);
        Assert.Null(trimmed.Spec.Tolerations);
        Assert.Null(trimmed.Spec.Affinity);
        Assert.All(trimmed.Spec.Containers, c => Assert.Equal((null, null, null, null), (c.Env, c.Resources, c.LivenessProbe, c.VolumeMounts)));
        Assert.Null(trimmed.Status.Conditions);
        Assert.Null(trimmed.Status.Phase);
        Assert.All(trimmed.Status.ContainerStatuses, s => Assert.Equal((null, null), (s.VolumeMounts, s.AllocatedResources)));

        Assert.Equal(("checkout-7d9f8b6c5d-x2k4q", "shop", "5b7e2c1a-9f3d-4e8b-a6c2-1d0e9f8a7b6c", "48213377"), (trimmed.Metadata.Name, trimmed.Metadata.NamespaceProperty, trimmed.Metadata.Uid, trimmed.Metadata.ResourceVersion));
        Assert.Equal(full.Metadata.Labels, trimmed.Metadata.Labels);
        Assert.Equal("ReplicaSet", Assert.Single(trimmed.Metadata.OwnerReferences).Kind);
        Assert.Equal(["registry.example.com/shop/checkout:1.42.0", "docker.io/envoyproxy/envoy:v1.31.2"], trimmed.Spec.Containers.Select(c => c.Image));
        Assert.Equal("worker-17", trimmed.Spec.NodeName);
    }

    [Fact]
    public void TrimmedDecoding_OwnerKinds_KeepMetadataOnly()
    {
        const string Json = """
            {"apiVersion":"apps/v1","kind":"ReplicaSet",
             "metadata":{"name":"checkout-7d9f8b6c5d","namespace":"shop","uid":"0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f","resourceVersion":"7",
               "labels":{"app":"checkout"},"annotations":{"deployment.kubernetes.io/revision":"4"},
               "ownerReferences":[{"apiVersion":"apps/v1","kind":"Deployment","name":"checkout","uid":"d-1","controller":true}]},
             "spec":{"replicas":3,"selector":{"matchLabels":{"app":"checkout"}},
               "template":{"metadata":{"labels":{"app":"checkout"}},"spec":{"containers":[{"name":"app","image":"checkout:1"}]}}},
             "status":{"replicas":3,"readyReplicas":3}}
            """;

        var replicaSet = Decode<V1ReplicaSet>(Json);

        Assert.Equal(("checkout-7d9f8b6c5d", "shop", "0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f", "7"), (replicaSet.Metadata.Name, replicaSet.Metadata.NamespaceProperty, replicaSet.Metadata.Uid, replicaSet.Metadata.ResourceVersion));
        Assert.Equal("checkout", replicaSet.Metadata.Labels["app"]);
        Assert.Equal("d-1", Assert.Single(replicaSet.Metadata.OwnerReferences).Uid);
        Assert.Equal((null, null), (replicaSet.Spec, replicaSet.Status));
    }

    [Fact]
    public void TrimmedDecoding_Applied_LeavesSerializationAndOtherDecodersUnchanged()
    {
        var options = TrimmedOptions();
        var full = RealisticPod.Full();
        _ = Decode<V1Pod>(RealisticPod.Json, options);

        // The same client writes objects as before (its getters are untouched)…
        Assert.Equal(KubernetesJson.Serialize(full), KubernetesJson.Serialize(full, options));
        // …and the process-wide KubernetesJson, which the simulator and watch events use, still reads everything.
        var again = KubernetesJson.Deserialize<V1Pod>(RealisticPod.Json);
        Assert.Equal(2, again.Metadata.ManagedFields.Count);
        Assert.Equal(4, again.Spec.Volumes.Count);
        Assert.Equal(5, again.Status.Conditions.Count);
    }

    [Fact]
    public void TrimmedDecoding_Apply_ChangesOnlyThatConfiguration()
    {
        var trimmed = TrimmedDecoding.Apply(new KubernetesClientConfiguration { Host = "http://127.0.0.1:1" });
        var plain = new KubernetesClientConfiguration { Host = "http://127.0.0.1:1" };

        Assert.Null(KubernetesJson.Deserialize<V1Pod>(RealisticPod.Json, trimmed.JsonSerializerOptions).Spec.Volumes);
        Assert.NotNull(KubernetesJson.Deserialize<V1Pod>(RealisticPod.Json, plain.JsonSerializerOptions).Spec.Volumes);
    }

    private static JsonSerializerOptions TrimmedOptions() =>
        TrimmedDecoding.Apply(new KubernetesClientConfiguration { Host = "http://127.0.0.1:1" }).JsonSerializerOptions;

    private static T Decode<T>(string json, JsonSerializerOptions? options = null) =>
        KubernetesJson.Deserialize<T>(json, options ?? TrimmedOptions());
}
