using PodExport.Model.Wire;

namespace PodExport.Model.Tests.Json;

/// <summary>Pods for the golden files.</summary>
internal static class TestPods
{
    /// <summary>Every string that needs care under W-24, one per container name or reason.</summary>
    public static readonly string[] TrickyStrings =
    [
        "<script>alert('x' + \"y\")</script> & more",
        "quote \" backslash \\ slash / apostrophe ' plus + backtick ` tilde ~ del \u007f",
        "ctl \u0000 \u0001 \u001b \u001f \b \t \n \u000b \f \r end",
        "separators \u2028 and \u2029",
        "lone high \ud800 x",
        "lone low \udc00 x",
        "reversed \udc00\ud800 pair",
        "trailing high \ud83d",
        "non-ASCII é 日本 😀 \u00a0 \ufffd \ufeff",
    ];

    /// <summary>Every field set: several containers, several terminated buckets, both runtimes, dual-stack IPs.</summary>
    public static Pod Full()
    {
        const string PodId = "api-5f7b8c9d6-q4w2e.prod@1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
        string[] ips = ["10.0.3.17", "fd00:10:0:3::17"];
        return new Pod
        {
            Id = "7d1f0c2e-9a8b-5c4d-8e3f-2a1b0c9d8e7f",
            Name = "api-5f7b8c9d6-q4w2e",
            DeploymentId = "3e2d1c0b-a9f8-4e7d-b6c5-a4b3c2d1e0f9",
            Namespace = "prod",
            ClusterId = "6a4e1f0c-58d2-4c3b-9e7a-1d2c3b4a5f60",
            LiveInstances =
            [
                new ContainerInstance
                {
                    InstanceId = new ContainerInstanceId(ContainerRuntime.DockerContainerRuntime, "0a1b2c3d4e5f", "node-a"),
                    ContainingPodId = PodId,
                    ContainerName = "api",
                    ContainerIps = ips,
                    Started = new Timestamp(1_714_557_600, 0),
                    ImageDigest = "sha256:1111111111111111111111111111111111111111111111111111111111111111",
                },
                new ContainerInstance
                {
                    InstanceId = new ContainerInstanceId(ContainerRuntime.CrioContainerRuntime, "9f8e7d6c5b4a", "node-a"),
                    ContainingPodId = PodId,
                    ContainerName = "sidecar",
                    ContainerIps = ips,
                    Started = new Timestamp(1_714_557_601, 123_000_000),
                    ImageDigest = "sha256:2222222222222222222222222222222222222222222222222222222222222222",
                },
            ],
            TerminatedInstances =
            [
                new Pod.ContainerInstanceList(
                [
                    new ContainerInstance
                    {
                        InstanceId = new ContainerInstanceId(ContainerRuntime.DockerContainerRuntime, "111aaa", "node-a"),
                        ContainingPodId = PodId,
                        ContainerName = "api",
                        ContainerIps = ips,
                        Started = new Timestamp(1_714_557_000, 456_000),
                        ImageDigest = "sha256:1111111111111111111111111111111111111111111111111111111111111111",
                        Finished = new Timestamp(1_714_557_300, 789),
                        ExitCode = 137,
                        TerminationReason = "OOMKilled",
                    },
                    new ContainerInstance
                    {
                        InstanceId = new ContainerInstanceId(ContainerRuntime.DockerContainerRuntime, "222bbb", "node-a"),
                        ContainingPodId = PodId,
                        ContainerName = "api",
                        ContainerIps = ips,
                        Started = new Timestamp(1_714_557_310, 0),
                        ImageDigest = "sha256:1111111111111111111111111111111111111111111111111111111111111111",
                        Finished = new Timestamp(1_714_557_599, 999_999_999),
                        ExitCode = -1,
                        TerminationReason = "Error",
                    },
                ]),
                new Pod.ContainerInstanceList(
                [
                    new ContainerInstance
                    {
                        InstanceId = new ContainerInstanceId(ContainerRuntime.CrioContainerRuntime, "333ccc", "node-b"),
                        ContainingPodId = PodId,
                        ContainerName = "init-db",
                        ContainerIps = ["10.0.3.17"],
                        Started = new Timestamp(1_714_556_000, 0),
                        ImageDigest = "sha256:3333333333333333333333333333333333333333333333333333333333333333",
                        Finished = new Timestamp(1_714_556_010, 500_000_000),
                        ExitCode = 0,
                        TerminationReason = "Completed",
                    },
                ]),
            ],
            Started = new Timestamp(1_714_555_999, 0),
        };
    }

    /// <summary>Every field unset, including an instance and a bucket whose fields are all unset.</summary>
    public static Pod Empty() => new();

    /// <summary>Empty lists of empty things: an unset instance and an empty bucket.</summary>
    public static Pod EmptyNested() => new()
    {
        LiveInstances = [new ContainerInstance()],
        TerminatedInstances = [new Pod.ContainerInstanceList([]), new Pod.ContainerInstanceList([new ContainerInstance()])],
    };

    /// <summary>The tricky strings in every string position the pod has.</summary>
    public static Pod Escaping()
    {
        var instances = TrickyStrings.Select((text, i) => new ContainerInstance
        {
            InstanceId = new ContainerInstanceId(ContainerRuntime.UnknownContainerRuntime, text, text),
            ContainingPodId = text,
            ContainerName = text,
            ContainerIps = [text],
            ImageDigest = text,
            ExitCode = i,
            TerminationReason = text,
        }).ToArray();
        return new Pod
        {
            Id = TrickyStrings[0],
            Name = TrickyStrings[1],
            DeploymentId = TrickyStrings[2],
            Namespace = TrickyStrings[3],
            ClusterId = TrickyStrings[8],
            LiveInstances = instances,
            TerminatedInstances = [new Pod.ContainerInstanceList(instances)],
        };
    }

    /// <summary>Timestamps at second, milli, micro and nano precision and at the ends of the range.</summary>
    public static Pod Timestamps()
    {
        Timestamp[] values =
        [
            new(1_714_557_600, 0),
            new(1_714_557_600, 250_000_000),
            new(1_714_557_600, 100_000),
            new(1_714_557_600, 1),
            new(1_714_557_600, 120_000),
            new(1_714_557_600, 123_456_789),
            new(0, 0),
            new(-1, 999_999_000),
            new(-62_135_596_800, 0),
            new(253_402_300_799, 999_999_999),
        ];
        return new Pod
        {
            Name = "timestamps",
            LiveInstances = values.Select((t, i) => new ContainerInstance { ContainerName = $"c{i}", Started = t, Finished = t }).ToArray(),
            Started = values[3],
        };
    }
}
