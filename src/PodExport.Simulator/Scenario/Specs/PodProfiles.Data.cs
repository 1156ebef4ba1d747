using System.Globalization;
using k8s.Models;
using static PodExport.Simulator.Scenario.Specs.SpecParts;

namespace PodExport.Simulator.Scenario.Specs;

internal static partial class PodProfiles
{
    private static readonly string[] Windows = ["5m", "1h", "24h"];

    /// <summary>A StatefulSet's database or broker: its port, a data claim per pod, exec probes, Guaranteed or Burstable.</summary>
    private static PodProfile Data(ScenarioRandom r, string app, ContainerSpec spec, ContainerSpec? init, DateTimeOffset now)
    {
        var volumes = new ProfileVolumes();
        var name = spec.Repository[(spec.Repository.LastIndexOf('/') + 1)..];
        var (port, dataPath, probe, env) = name switch
        {
            "postgres" => (5432, "/var/lib/postgresql/data", Exec(["/bin/sh", "-c", "exec pg_isready -U \"postgres\" -h 127.0.0.1 -p 5432"], period: 10, timeout: 5, failure: 6),
                new[] { SecretEnv("POSTGRES_PASSWORD", app + "-credentials", "postgres-password"), Env("PGDATA", "/var/lib/postgresql/data/pgdata"), Env("POSTGRES_DB", "app") }),
            "redis" => (6379, "/data", Exec(["sh", "-c", "redis-cli -h localhost -p 6379 ping"], period: 5, timeout: 3, failure: 5),
                new[] { SecretEnv("REDIS_PASSWORD", app + "-credentials", "redis-password"), Env("REDIS_REPLICATION_MODE", "master") }),
            "kafka" => (9092, "/bitnami/kafka", Tcp("client", initialDelay: 10, period: 10, timeout: 5, failure: 6),
                new[] { Env("KAFKA_CFG_PROCESS_ROLES", "controller,broker"), Env("KAFKA_CFG_LISTENERS", "CLIENT://:9092,CONTROLLER://:9093"), Env("KAFKA_HEAP_OPTS", "-Xmx1024m -Xms1024m"), Env("KAFKA_KRAFT_CLUSTER_ID", r.Hex64()[..22]) }),
            "zookeeper" => (2181, "/data", Exec(["/bin/bash", "-c", "echo ruok | nc -w 2 localhost 2181 | grep imok"], period: 10, timeout: 5),
                new[] { Env("ZOO_4LW_COMMANDS_WHITELIST", "srvr, mntr, ruok"), Env("ZOO_SERVERS", $"server.1={app}-0.{app}:2888:3888;2181 server.2={app}-1.{app}:2888:3888;2181 server.3={app}-2.{app}:2888:3888;2181") }),
            "elasticsearch" => (9200, "/usr/share/elasticsearch/data", Http("/_cluster/health?local=true", "client", initialDelay: 10, period: 10, timeout: 5),
                new[] { Env("discovery.seed_hosts", $"{app}-0.{app},{app}-1.{app},{app}-2.{app}"), Env("cluster.name", app), Env("ES_JAVA_OPTS", "-Xmx2g -Xms2g"), SecretEnv("ELASTIC_PASSWORD", app + "-credentials", "password") }),
            _ => (27017, "/data/db", Exec(["mongosh", "--quiet", "--eval", "db.adminCommand('ping')"], initialDelay: 10, period: 10, timeout: 5, failure: 6),
                new[] { SecretEnv("MONGO_INITDB_ROOT_PASSWORD", app + "-credentials", "root-password"), Env("MONGO_INITDB_ROOT_USERNAME", "root") }),
        };
        var main = new ContainerProfile
        {
            Ports = [Port("client", port), .. name == "kafka" ? new[] { Port("controller", 9093) } : [], .. r.Chance(0.5) ? new[] { Port("metrics", 9187) } : []],
            Env = [FieldEnv("POD_NAME", "metadata.name"), FieldEnv("POD_NAMESPACE", "metadata.namespace"), .. env],
            Resources = r.Chance(0.4) ? SpecParts.Resources("1", "2Gi", "1", "2Gi") : SpecParts.Resources("500m", "1Gi", null, "2Gi"),
            Mounts = [Mount("data", dataPath), volumes.Mount(EmptyDir("dshm", medium: "Memory", sizeLimit: "1Gi"), "/dev/shm")],
            LivenessProbe = probe,
            ReadinessProbe = probe,
            SecurityContext = new V1SecurityContext { AllowPrivilegeEscalation = false, RunAsNonRoot = true, RunAsUser = 1001 },
        };
        var initProfile = init is null ? null : new ContainerProfile
        {
            Command = ["sh", "-c", "chown -R 1001:1001 " + dataPath],
            Resources = SpecParts.Resources("10m", "16Mi", null, "32Mi"),
            Mounts = [Mount("data", dataPath)],
            SecurityContext = new V1SecurityContext { RunAsUser = 0 },
        };
        return new PodProfile
        {
            Containers = [main],
            InitContainer = initProfile,
            Volumes = volumes.Volumes,
            ServiceAccountName = app,
            SecurityContext = new V1PodSecurityContext { FsGroup = 1001, SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" } },
            Annotations = r.Chance(0.5) ? new Dictionary<string, string> { ["checksum/config"] = r.Hex64() } : null,
            Affinity = SpreadOverNodes(app),
            ClaimTemplate = "data",
            Subdomain = app,
            QosClass = Qos([main, .. initProfile is null ? [] : new[] { initProfile }]),
        };
    }

    /// <summary>A CronJob run: a Python module as a one-off process.</summary>
    private static PodProfile Batch(ScenarioRandom r, string app)
    {
        var main = new ContainerProfile
        {
            Command = ["python", "-m", "jobs." + app.Replace('-', '_')],
            Args = ["--since=" + r.Pick(Windows), "--batch-size=" + (500 * r.Next(1, 9)).ToString(CultureInfo.InvariantCulture)],
            Env =
            [
                Env("PYTHONUNBUFFERED", "1"),
                SecretEnv("DATABASE_URL", app + "-db", "url"),
                Env("JOB_NAME", app),
                FieldEnv("POD_NAME", "metadata.name"),
            ],
            Resources = SpecParts.Resources("100m", "256Mi", null, "512Mi"),
            SecurityContext = HardenedContainer(),
        };
        return new PodProfile
        {
            Containers = [main],
            ServiceAccountName = r.Chance(0.5) ? app : null,
            SecurityContext = HardenedPod(r),
            QosClass = Qos([main]),
        };
    }

    /// <summary>A pod made by hand: <c>kubectl run</c> or a manifest applied with <c>kubectl apply</c>, defaults only.</summary>
    private static PodProfile Standalone(ScenarioRandom r) => new()
    {
        Containers = [ContainerProfile.Bare],
        Manager = r.Chance(0.5) ? SpecManager.KubectlRun : SpecManager.KubectlApply,
    };
}
