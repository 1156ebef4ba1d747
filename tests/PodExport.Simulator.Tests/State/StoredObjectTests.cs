using System.Text;
using k8s;
using k8s.Models;
using PodExport.Simulator.State;
using PodExport.Simulator.Tests.Scenario;

namespace PodExport.Simulator.Tests.State;

public sealed class StoredObjectTests
{
    [Fact]
    public void From_ScenarioPods_StoresWhatKubernetesJsonWrites()
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
            Assert.Equal(KubernetesJson.Serialize(pod), Encoding.UTF8.GetString(stored.Json));
            (pod.Kind, pod.ApiVersion) = (kind, apiVersion);
        }
    }
}
