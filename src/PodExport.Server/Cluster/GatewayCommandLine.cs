using PodExport.Cluster.Connection;

namespace PodExport.Server.Cluster;

/// <summary>
/// The gateway's own command-line switches, taken out before the host parses the rest: <c>--simulate</c> is a bare
/// flag, which the configuration command-line parser cannot read; <c>--kubeconfig</c> and <c>--context</c> are
/// short forms of <c>Cluster:Kubeconfig</c> and <c>Cluster:Context</c>.
/// </summary>
public sealed record GatewayCommandLine(bool Simulate, string[] HostArgs)
{
    public const string SimulateFlag = "--simulate";

    public static GatewayCommandLine Parse(string[] args) =>
        new(args.Contains(SimulateFlag, StringComparer.Ordinal), [.. args.Where(a => a != SimulateFlag)]);

    /// <summary>
    /// Applies the switches to the builder. The defaults go in FIRST, below every other configuration source, so
    /// that a user's setting always wins over what <c>--simulate</c> implies.
    /// </summary>
    public void Configure(WebApplicationBuilder builder)
    {
        var defaults = new Dictionary<string, string?>();
        if (Simulate)
        {
            defaults[SimulateOptions.Section + ":Enabled"] = "true";

            // A demo on a laptop has no identity provider; service.md S-7 makes None the --simulate default.
            defaults["Auth:Mode"] = "None";
        }

        builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = defaults });
        builder.Configuration.AddCommandLine(HostArgs, ClusterCommandLine.SwitchMappings);

        // service.md S-3: port 8080 unless --urls, ASPNETCORE_URLS or the image's ASPNETCORE_HTTP_PORTS say otherwise.
        var configured = builder.Configuration["urls"] ?? builder.Configuration["http_ports"] ?? builder.Configuration["https_ports"];
        if (string.IsNullOrEmpty(configured))
        {
            builder.WebHost.UseUrls("http://localhost:8080");
        }
    }
}
