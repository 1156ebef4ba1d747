using PodExport.Server.Cluster;

if (PodExport.Server.Telemetry.VersionCommand.TryRun(args, Console.Out))
{
    return;
}

var commandLine = GatewayCommandLine.Parse(args);
var builder = WebApplication.CreateBuilder(commandLine.HostArgs);
commandLine.Configure(builder);
builder.Services.AddPodExportCluster(builder.Configuration);
builder.Services.AddPodExportServer(builder.Configuration);

var app = builder.Build();
app.MapPodExportServer();
app.Run();
