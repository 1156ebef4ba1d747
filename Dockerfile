# syntax=docker/dockerfile:1
# PodExport gateway image (OPERATIONS.md §2): SDK build stage on the build platform, chiseled ASP.NET runtime.
# Build: docker buildx build --platform linux/amd64,linux/arm64 -t podexport:<version> .

FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG TARGETARCH
WORKDIR /source

# Restore layer: only the build files and project files, so that a source edit does not invalidate the restore.
# The server project is restored, not the solution: .dockerignore leaves tests/ out, so the solution cannot restore.
# .editorconfig carries the analyzer severities: without it the warnings-as-errors build fails.
COPY Directory.Build.props Directory.Packages.props global.json .editorconfig ./
COPY src/PodExport.Model/PodExport.Model.csproj src/PodExport.Model/
COPY src/PodExport.Query/PodExport.Query.csproj src/PodExport.Query/
COPY src/PodExport.Cluster/PodExport.Cluster.csproj src/PodExport.Cluster/
COPY src/PodExport.Simulator/PodExport.Simulator.csproj src/PodExport.Simulator/
COPY src/PodExport.Server/PodExport.Server.csproj src/PodExport.Server/
RUN dotnet restore src/PodExport.Server -a $TARGETARCH

COPY src/ src/
RUN dotnet publish src/PodExport.Server -c Release -a $TARGETARCH --no-restore -o /app

# Chiseled: no shell, no package manager, no ICU or tzdata (the project sets InvariantGlobalization).
# The image sets ASPNETCORE_HTTP_PORTS=8080; there is no HEALTHCHECK because Kubernetes probes do that job.
FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled AS final
WORKDIR /app
COPY --link --from=build /app .
EXPOSE 8080
# Numeric UID (the image's APP_UID) so that the kubelet can verify runAsNonRoot.
USER 1654
ENTRYPOINT ["./PodExport.Server"]
