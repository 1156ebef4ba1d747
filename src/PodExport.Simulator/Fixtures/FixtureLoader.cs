using PodExport.Simulator.State;

namespace PodExport.Simulator.Fixtures;

/// <summary>Loads objects from YAML/JSON files (kubectl List or multi-document YAML). PLACEHOLDER.</summary>
public static class FixtureLoader
{
    /// <summary>Creates every object of the file through the writer; returns how many were created.</summary>
    public static int Load(IClusterWriter writer, string path) => throw new NotImplementedException($"{writer}{path}");
}
