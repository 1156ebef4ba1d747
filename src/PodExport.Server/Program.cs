var builder = WebApplication.CreateBuilder(args);
builder.Services.AddPodExportServer(builder.Configuration);

var app = builder.Build();
app.MapPodExportServer();
app.Run();
