using System.Globalization;
using PodExport.Simulator.Scenario.Specs;

namespace PodExport.Simulator.Scenario;

public sealed partial class ScenarioEngine
{
    private void SeedSystemWorkloads()
    {
        var dns = NewWorkload("Deployment", "apps/v1", "kube-system", "coredns", new() { ["k8s-app"] = "kube-dns" }, null);
        dns.Template = NewTemplate(WorkloadShape.SystemAddon, new() { ["k8s-app"] = "kube-dns" }, "Always", ("coredns", "registry.k8s.io/coredns/coredns", "v1.11.3"), sidecars: false);
        dns.Replicas = 2;
        SeedReplicaSetsOf(dns);
        SeedDaemonSet("kube-proxy", "kube-system", "k8s-app", ("kube-proxy", "registry.k8s.io/kube-proxy", "v1.32.4"));
    }

    private void SeedDeployment(string ns, int replicas)
    {
        var name = UniqueName(ns, _random.Pick(ScenarioCatalog.AppNames));
        var labels = new Dictionary<string, string> { ["app"] = name };
        var deployment = NewWorkload("Deployment", "apps/v1", ns, name, labels, null);
        deployment.Replicas = replicas;
        deployment.Revision = _random.Next(1, 6);
        deployment.Template = Revise(NewTemplate(WorkloadShape.Service, labels, "Always"), deployment.Revision);
        deployment.Generation = deployment.Revision;
        _deployments.Add(deployment);
        SeedReplicaSetsOf(deployment);
    }

    /// <summary>Creates the Deployment, an old ReplicaSet scaled to 0 when past revision 1, and the current one.</summary>
    private void SeedReplicaSetsOf(SimWorkload deployment)
    {
        Create(WorkloadBuilder.Build(deployment, _nodes.Count));
        if (deployment.Revision > 1)
        {
            var old = NewReplicaSet(deployment, Revise(deployment.Template, deployment.Revision - 1), deployment.Revision - 1, 0);
            Create(WorkloadBuilder.Build(old, _nodes.Count));
        }

        var current = NewReplicaSet(deployment, deployment.Template, deployment.Revision, deployment.Replicas);
        Create(WorkloadBuilder.Build(current, _nodes.Count));
        for (var i = 0; i < current.Replicas; i++)
        {
            SeedRunning(NewOwnedPod(current, PastSince(current.Created)));
        }
    }

    private void SeedStatefulSet()
    {
        var ns = AppNamespace();
        var image = _random.Pick(ScenarioCatalog.StatefulSets);
        var name = UniqueName(ns, image.Name);
        var labels = new Dictionary<string, string> { ["app"] = name };
        var sts = NewWorkload("StatefulSet", "apps/v1", ns, name, labels, null);
        sts.Template = NewTemplate(WorkloadShape.Data, labels, "Always", image);
        sts.Replicas = 3;
        sts.TemplateHash = _random.Suffix(10);
        _statefulSets.Add(sts);
        Create(WorkloadBuilder.Build(sts, _nodes.Count));
        for (var ordinal = 0; ordinal < sts.Replicas; ordinal++)
        {
            SeedRunning(NewOwnedPod(sts, PastSince(sts.Created), ordinal: ordinal));
        }
    }

    private void SeedDaemonSet(string name, string ns, string labelKey, (string Name, string Repository, string Tag)? image = null)
    {
        var system = ns == "kube-system";
        name = UniqueName(ns, name);
        var labels = new Dictionary<string, string> { [labelKey] = name };
        var ds = NewWorkload("DaemonSet", "apps/v1", ns, name, labels, null);
        ds.Template = NewTemplate(system ? WorkloadShape.SystemAddon : WorkloadShape.NodeAgent, labels, "Always", image, sidecars: false, init: !system);
        ds.TemplateHash = _random.Suffix(10);
        _daemonSets.Add(ds);
        Create(WorkloadBuilder.Build(ds, _nodes.Count));
        foreach (var node in _nodes)
        {
            SeedRunning(NewOwnedPod(ds, PastSince(ds.Created), node: node, hostNetwork: system));
        }
    }

    private void SeedReplicationController()
    {
        var ns = AppNamespace();
        var name = UniqueName(ns, "legacy-" + _random.Pick(ScenarioCatalog.AppNames));
        var labels = new Dictionary<string, string> { ["app"] = name };
        var rc = NewWorkload("ReplicationController", "v1", ns, name, labels, null);
        rc.Template = NewTemplate(WorkloadShape.Service, labels, "Always");
        rc.Replicas = 2;
        Create(WorkloadBuilder.Build(rc, _nodes.Count));
        for (var i = 0; i < rc.Replicas; i++)
        {
            SeedRunning(NewOwnedPod(rc, PastSince(rc.Created)));
        }
    }

    private void SeedCronJob()
    {
        var ns = _appNamespaces.Contains("batch") ? "batch" : AppNamespace();
        var name = UniqueName(ns, _random.Pick(ScenarioCatalog.CronJobNames));
        var cronJob = NewWorkload("CronJob", "batch/v1", ns, name, new() { ["app"] = name }, null);
        cronJob.Template = NewTemplate(WorkloadShape.Batch, new() { ["app"] = name }, "Never", ("job", "docker.io/library/python", "3.12-slim"), sidecars: false);
        cronJob.TemplateHash = string.Create(CultureInfo.InvariantCulture, $"*/{_options.CronJobIntervalMinutes} * * * *");
        _cronJobs.Add(cronJob);

        // History as the controller leaves it: the last three scheduled runs, completed, with their pods.
        var interval = TimeSpan.FromMinutes(_options.CronJobIntervalMinutes);
        var last = CronSlot(_now - interval);
        var runs = Enumerable.Range(0, 3).Select(i => last - (interval * (2 - i))).Where(s => s.UtcDateTime > cronJob.Created).ToList();
        if (runs.Count > 0)
        {
            cronJob.LastSchedule = Stamp(runs[^1]);
            cronJob.LastSuccess = Stamp(runs[^1] + CompletedJobDuration);
        }

        Create(WorkloadBuilder.Build(cronJob, _nodes.Count));
        foreach (var scheduled in runs)
        {
            var job = NewJob(cronJob, scheduled);
            job.JobOutcome = "Complete";
            job.JobCompletion = Stamp(scheduled + CompletedJobDuration);
            Create(WorkloadBuilder.Build(job, _nodes.Count));
            var pod = NewOwnedPod(job, Stamp(scheduled), completionExitCode: 0);
            SeedFinished(pod, job.JobCompletion.Value - TimeSpan.FromSeconds(1));
        }
    }

    private void SeedStandalonePod()
    {
        var pod = NewStandalonePod(Past(TimeSpan.FromMinutes(20), TimeSpan.FromDays(3)));
        if (pod.CompletionExitCode is not null && _random.Chance(0.6))
        {
            SeedFinished(pod, Past(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10)));
        }
        else
        {
            SeedRunning(pod);
        }
    }
}
