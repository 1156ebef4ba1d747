namespace PodExport.Cluster.Informers;

/// <summary>A step of a reflector loop, reported to the test observer of <see cref="ReflectorContext"/>.</summary>
internal readonly record struct ReflectorSignal(string Kind, string? Namespace, ReflectorStep Step, string Detail, TimeSpan Delay = default);
