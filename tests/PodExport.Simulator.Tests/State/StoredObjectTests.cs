using System.Text;
using k8s;
using k8s.Models;
using PodExport.Simulator.State;
using PodExport.Simulator.Tests.Scenario;

namespace PodExport.Simulator.Tests.State;

public sealed class StoredObjectTests
{
    [Fact]
    public void From_ScenarioPods_StoresWhatKubernetesJsonReadsBackUnchanged()
    {
        var (engine, writer, _) = ScenarioTestKit.Create(ScenarioTestKit.Busy(seed: 5, pods: 60));
        engine.Seed();
        var pods = writer.Objects.OfType<V1Pod>().ToList();
        Assert.NotEmpty(pods);
        foreach (var pod in pods)
        {
            var stored = StoredObject.From(ResourceKind.Pod, pod, 1);
            var (kind, apiVersion) = (pod.Kind, pod.ApiVersion);
            (pod.Kind, pod.ApiVersion) = (null, null);
            var json = Encoding.UTF8.GetString(stored.Json);
            Assert.Equal(KubernetesJson.Serialize(pod), KubernetesJson.Serialize(KubernetesJson.Deserialize<V1Pod>(json)));

            // kube-apiserver's escaping: k:{\"name\":\"app\"}, never k:{\u0022name\u0022…}.
            Assert.Contains("\"k:{\\\"", json, StringComparison.Ordinal);
            Assert.DoesNotContain("\\u0022", json, StringComparison.Ordinal);
            (pod.Kind, pod.ApiVersion) = (kind, apiVersion);
        }
    }
}
