namespace PodExport.Benchmarks.EndToEnd;

/// <summary>
/// The same pods measured two ways in the harness's own heap: as KubernetesClient V1Pod objects in a dictionary
/// (what a naive informer keeps) and as the pod store holds them; <see cref="LineBytes"/> is the part of the
/// store that is the pre-rendered export lines.
/// </summary>
public sealed record StoreMemory(int Pods, long V1PodBytes, long StoreBytes, long LineBytes)
{
    public double V1PodBytesPerPod => (double)V1PodBytes / Pods;

    public double StoreBytesPerPod => (double)StoreBytes / Pods;

    public double LineBytesPerPod => (double)LineBytes / Pods;

    public double Ratio => (double)StoreBytes / V1PodBytes;
}
