namespace PodExport.Simulator.Api;

/// <summary>How a request ended (kubernetes-api D.1 item 9).</summary>
public enum RequestEnding
{
    Running,
    Completed,
    Timeout,
    ClientAbort,
    Fault,
    ServerStop,
}
