namespace PodExport.Simulator;

/// <summary>
/// The standalone simulator executable. Not a top-level program: the server references this assembly, and two
/// generated <c>Program</c> types would collide. PLACEHOLDER until the simulator lands.
/// </summary>
public static class SimulatorProgram
{
    public static int Main(string[] args) => args.Length == 0 ? 0 : 1;
}
