namespace PodExport.Simulator.Hosting;

/// <summary>Writes a kubeconfig that kubectl and KubernetesClient accept for the simulator.</summary>
public static class KubeconfigWriter
{
    public const string AnonymousToken = "simulator-anonymous";

    public static void Write(string path, Uri server, string? token = null, string contextName = "simulator")
    {
        // KubernetesClient 21.0.8 refuses a kubeconfig user without credentials ("does not have appropriate auth
        // credentials"), so an unauthenticated simulator still gets a placeholder token, which it ignores unless
        // RequiredBearerToken is set.
        var user = $"    token: {token ?? AnonymousToken}";
        var text = $$"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: {{contextName}}
              cluster:
                server: {{server.GetLeftPart(UriPartial.Authority)}}
            users:
            - name: {{contextName}}
              user:
            {{user}}
            contexts:
            - name: {{contextName}}
              context:
                cluster: {{contextName}}
                user: {{contextName}}
                namespace: default
            current-context: {{contextName}}
            preferences: {}

            """;
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllText(path, text);
    }
}
