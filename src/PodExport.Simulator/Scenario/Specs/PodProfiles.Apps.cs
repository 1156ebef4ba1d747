using k8s.Models;
using static PodExport.Simulator.Scenario.Specs.SpecParts;

namespace PodExport.Simulator.Scenario.Specs;

internal static partial class PodProfiles
{
    private const string OtlpEndpoint = "http://otel-collector.monitoring.svc.cluster.local:4317";

    private static readonly string[] LogLevels = ["info", "warn", "debug"];

    /// <summary>The main container of a service, shaped after what its image usually runs.</summary>
    private static ContainerProfile MainContainer(ScenarioRandom r, ContainerSpec spec, string app, ProfileVolumes volumes, bool shippedLogs)
    {
        var profile = spec.Repository switch
        {
            "docker.io/library/nginx" => Nginx(r, app, volumes),
            "quay.io/acme/server" => Jvm(r, app, volumes),
            "docker.io/library/python" => Python(r, app, volumes),
            "registry.example.com/team/service" => ConfiguredService(r, app, volumes),
            "docker.io/library/node" => NodeJs(r, app),
            "quay.io/acme/worker" => Worker(r, app, volumes),
            _ => GoApi(r, spec.Name, app, volumes),
        };
        if (r.Chance(0.5))
        {
            // Many teams' manifests stop at the essentials: a couple of variables, no startup probe.
            profile = profile with { Env = profile.Env?.Take(2).ToList(), EnvFrom = null, StartupProbe = null };
        }

        if (r.Chance(0.5))
        {
            profile = profile with { SecurityContext = HardenedContainer() };
        }

        if (profile.SecurityContext?.ReadOnlyRootFilesystem == true)
        {
            profile = profile with { Mounts = [.. profile.Mounts, volumes.Mount(EmptyDir("tmp"), "/tmp")] };
        }

        return shippedLogs
            ? profile with { Mounts = [.. profile.Mounts, volumes.Mount(EmptyDir("app-logs"), "/var/log/app")] }
            : profile;
    }

    /// <summary>The downward-API variables most charts pass, a random prefix of them.</summary>
    private static IEnumerable<V1EnvVar> PodIdentity(ScenarioRandom r)
    {
        V1EnvVar[] all =
        [
            FieldEnv("POD_NAME", "metadata.name"),
            FieldEnv("POD_NAMESPACE", "metadata.namespace"),
            FieldEnv("POD_IP", "status.podIP"),
            FieldEnv("NODE_NAME", "spec.nodeName"),
            FieldEnv("HOST_IP", "status.hostIP"),
        ];
        return all.Take(r.Next(1, all.Length - 1));
    }

    private static IEnumerable<V1EnvVar> Telemetry(ScenarioRandom r, string app)
    {
        if (!r.Chance(0.35))
        {
            return [Env("LOG_LEVEL", r.Pick(LogLevels))];
        }

        return
        [
            Env("LOG_LEVEL", "info"),
            Env("OTEL_SERVICE_NAME", app),
            Env("OTEL_EXPORTER_OTLP_ENDPOINT", OtlpEndpoint),
            Env("OTEL_RESOURCE_ATTRIBUTES", "deployment.environment=production,service.version=" + r.Next(1, 30) + "." + r.Next(0, 20) + ".0"),
        ];
    }

    private static List<V1EnvFromSource>? ConfigFrom(ScenarioRandom r, string app) => r.Chance(0.35)
        ? [new V1EnvFromSource { ConfigMapRef = new V1ConfigMapEnvSource { Name = app + "-env" } }]
        : null;

    private static ContainerProfile GoApi(ScenarioRandom r, string container, string app, ProfileVolumes volumes)
    {
        var mounts = new List<V1VolumeMount>();
        if (r.Chance(0.5))
        {
            mounts.Add(volumes.Mount(ConfigMapVolume("config", app + "-config"), "/etc/" + app, readOnly: true));
        }

        return new ContainerProfile
        {
            Args = r.Chance(0.5) ? ["--config=/etc/" + app + "/config.yaml", "--http-addr=:8080", "--metrics-addr=:9090"] : null,
            Ports = [Port("http", 8080), Port("metrics", 9090), .. r.Chance(0.4) ? new[] { Port("grpc", 9000) } : []],
            Env =
            [
                .. PodIdentity(r),
                .. Telemetry(r, app),
                SecretEnv("DATABASE_URL", app + "-db", "url"),
                Env("GOMEMLIMIT", "460MiB"),
                ResourceEnv("GOMAXPROCS", container, "limits.cpu"),
            ],
            EnvFrom = ConfigFrom(r, app),
            Resources = Sized(r, 2),
            Mounts = mounts,
            LivenessProbe = Http("/healthz", "http", initialDelay: 10, period: 20),
            ReadinessProbe = Http("/readyz", "http", period: 5),
            StartupProbe = r.Chance(0.2) ? Http("/healthz", "http", period: 5, failure: 30) : null,
        };
    }

    private static ContainerProfile Nginx(ScenarioRandom r, string app, ProfileVolumes volumes) => new()
    {
        Ports = [Port("http", 8080), .. r.Chance(0.5) ? new[] { Port("metrics", 9113) } : []],
        Env = r.Chance(0.5) ? [Env("NGINX_ENTRYPOINT_QUIET_LOGS", "1"), Env("NGINX_PORT", "8080")] : null,
        Resources = Sized(r, 1),
        Mounts =
        [
            volumes.Mount(ConfigMapVolume("nginx-config", app + "-nginx", "default.conf"), "/etc/nginx/conf.d", readOnly: true),
            volumes.Mount(EmptyDir("cache"), "/var/cache/nginx"),
            volumes.Mount(EmptyDir("run"), "/var/run"),
            .. r.Chance(0.4) ? new[] { volumes.Mount(SecretVolume("tls", app + "-tls"), "/etc/nginx/tls", readOnly: true) } : [],
        ],
        LivenessProbe = Http("/", "http", initialDelay: 5),
        ReadinessProbe = Http("/", "http", period: 5),
    };

    private static ContainerProfile Jvm(ScenarioRandom r, string app, ProfileVolumes volumes) => new()
    {
        Ports = [Port("http", 8080), Port("management", 8081)],
        Env =
        [
            Env("JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=75.0 -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError -Dfile.encoding=UTF-8"),
            Env("SPRING_PROFILES_ACTIVE", "kubernetes,production"),
            Env("SPRING_DATASOURCE_URL", "jdbc:postgresql://postgres." + app + ".svc.cluster.local:5432/" + app.Replace('-', '_')),
            SecretEnv("SPRING_DATASOURCE_USERNAME", app + "-db", "username"),
            SecretEnv("SPRING_DATASOURCE_PASSWORD", app + "-db", "password"),
            .. PodIdentity(r),
            .. Telemetry(r, app),
        ],
        EnvFrom = ConfigFrom(r, app),
        Resources = Sized(r, 4),
        Mounts = [volumes.Mount(ConfigMapVolume("application-config", app + "-application", "application.yaml"), "/workspace/config", readOnly: true)],
        LivenessProbe = Http("/actuator/health/liveness", "management", period: 10, timeout: 3),
        ReadinessProbe = Http("/actuator/health/readiness", "management", period: 10, timeout: 3),
        StartupProbe = Http("/actuator/health/liveness", "management", period: 5, failure: 60),
    };

    private static ContainerProfile Python(ScenarioRandom r, string app, ProfileVolumes volumes) => new()
    {
        Command = ["gunicorn"],
        Args = ["app.wsgi:application", "--bind=0.0.0.0:8000", "--workers=" + r.Next(2, 9), "--timeout=60", "--access-logfile=-"],
        WorkingDir = "/app",
        Ports = [Port("http", 8000)],
        Env =
        [
            Env("DJANGO_SETTINGS_MODULE", "app.settings.production"),
            Env("PYTHONUNBUFFERED", "1"),
            SecretEnv("SECRET_KEY", app + "-django", "secret-key"),
            SecretEnv("DATABASE_URL", app + "-db", "url"),
            Env("REDIS_URL", "redis://redis." + app + ".svc.cluster.local:6379/0"),
            ConfigMapEnv("ALLOWED_HOSTS", app + "-config", "allowed-hosts"),
            .. PodIdentity(r),
            .. Telemetry(r, app),
        ],
        Resources = Sized(r, 2),
        Mounts = r.Chance(0.5) ? [volumes.Mount(EmptyDir("static"), "/app/static")] : [],
        LivenessProbe = Http("/health/", "http", initialDelay: 15, period: 15, timeout: 5),
        ReadinessProbe = Http("/health/", "http", period: 10, timeout: 5),
    };

    private static ContainerProfile ConfiguredService(ScenarioRandom r, string app, ProfileVolumes volumes) => new()
    {
        Args = ["--config=/etc/service/config.yaml", "--port=8080", "--grpc-port=50051", "--tls-cert=/etc/tls/tls.crt", "--tls-key=/etc/tls/tls.key"],
        Ports = [Port("http", 8080), Port("grpc", 50051), Port("metrics", 9102)],
        Env = [.. PodIdentity(r), .. Telemetry(r, app), SecretEnv("API_TOKEN", app + "-credentials", "token")],
        EnvFrom = ConfigFrom(r, app),
        Resources = Sized(r, 3),
        Mounts =
        [
            volumes.Mount(ConfigMapVolume("config", app + "-config", "config.yaml"), "/etc/service", readOnly: true),
            volumes.Mount(SecretVolume("tls", app + "-tls"), "/etc/tls", readOnly: true),
        ],
        LivenessProbe = Tcp("grpc", initialDelay: 5, period: 10),
        ReadinessProbe = Http("/ready", "http", period: 5, timeout: 2),
        ImagePullPolicy = "Always",
    };

    private static ContainerProfile NodeJs(ScenarioRandom r, string app) => new()
    {
        Command = ["node"],
        Args = ["--enable-source-maps", "dist/server.js"],
        WorkingDir = "/usr/src/app",
        Ports = [Port("http", 3000)],
        Env =
        [
            Env("NODE_ENV", "production"),
            Env("PORT", "3000"),
            Env("NODE_OPTIONS", "--max-old-space-size=" + (128 << r.Next(0, 4))),
            SecretEnv("SESSION_SECRET", app + "-session", "secret"),
            .. PodIdentity(r),
            .. Telemetry(r, app),
        ],
        EnvFrom = ConfigFrom(r, app),
        Resources = Sized(r, 2),
        LivenessProbe = Http("/health", "http", initialDelay: 10),
        ReadinessProbe = Http("/health", "http", period: 5),
    };

    private static ContainerProfile Worker(ScenarioRandom r, string app, ProfileVolumes volumes) => new()
    {
        Args = ["worker", "--queues=default,high", "--concurrency=" + r.Next(2, 17), "--metrics-addr=:9090"],
        Ports = [Port("metrics", 9090)],
        Env =
        [
            SecretEnv("BROKER_URL", app + "-broker", "url"),
            SecretEnv("DATABASE_URL", app + "-db", "url"),
            Env("WORKER_SHUTDOWN_TIMEOUT", "25s"),
            .. PodIdentity(r),
            .. Telemetry(r, app),
        ],
        Resources = Sized(r, 3),
        Mounts = r.Chance(0.4) ? [volumes.Mount(EmptyDir("scratch", sizeLimit: "2Gi"), "/scratch")] : [],
        LivenessProbe = Exec(["/bin/sh", "-c", "test $(($(date +%s) - $(stat -c %Y /tmp/heartbeat))) -lt 60"], initialDelay: 30, period: 30, timeout: 5),
    };

    private static ContainerProfile InitContainer(ScenarioRandom r, string app, ProfileVolumes volumes) => r.Chance(0.5)
        ? new ContainerProfile
        {
            Command = ["sh", "-c", "until nc -z postgres." + app + ".svc.cluster.local 5432; do echo waiting for database; sleep 2; done"],
            Resources = SpecParts.Resources("10m", "16Mi", null, "32Mi"),
        }
        : new ContainerProfile
        {
            Command = ["sh", "-c", "cp /config-template/* /config/ && chmod 0640 /config/*"],
            Resources = SpecParts.Resources("10m", "16Mi", null, "32Mi"),
            Mounts =
            [
                volumes.Mount(ConfigMapVolume("config-template", app + "-config-template"), "/config-template", readOnly: true),
                volumes.Mount(EmptyDir("config-rendered"), "/config"),
            ],
        };
}
