using k8s.Models;

namespace PodExport.Simulator.Scenario.Specs;

/// <summary>Collects a template's volumes while its containers are shaped: each volume once, in first-use order.</summary>
internal sealed class ProfileVolumes
{
    private readonly List<V1Volume> _volumes = [];

    public IList<V1Volume> Volumes => _volumes;

    /// <summary>Adds <paramref name="volume"/> unless one of that name exists, and returns a mount of it.</summary>
    public V1VolumeMount Mount(V1Volume volume, string path, bool readOnly = false, string? subPath = null)
    {
        if (!_volumes.Exists(v => v.Name == volume.Name))
        {
            _volumes.Add(volume);
        }

        return SpecParts.Mount(volume.Name, path, readOnly, subPath);
    }
}
