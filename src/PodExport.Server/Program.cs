if (PodExport.Server.Telemetry.VersionCommand.TryRun(args, Console.Out))
{
    return;
}

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddPodExportServer(builder.Configuration);

var app = builder.Build();
app.MapPodExportServer();
app.Run();
