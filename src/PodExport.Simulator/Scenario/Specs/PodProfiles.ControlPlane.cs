using k8s.Models;
using static PodExport.Simulator.Scenario.Specs.SpecParts;

namespace PodExport.Simulator.Scenario.Specs;

internal static partial class PodProfiles
{
    /// <summary>A kubeadm control-plane static pod (its mirror pod): long flag lists, host paths, probes on localhost.</summary>
    public static PodProfile Static(string component, string nodeName, string nodeIp)
    {
        var k8sCerts = Mount("k8s-certs", "/etc/kubernetes/pki", readOnly: true);
        var caCerts = Mount("ca-certs", "/etc/ssl/certs", readOnly: true);
        List<V1Volume> volumes = [HostPath("ca-certs", "/etc/ssl/certs", "DirectoryOrCreate"), HostPath("k8s-certs", "/etc/kubernetes/pki", "DirectoryOrCreate")];
        ContainerProfile main = component switch
        {
            "etcd" => new ContainerProfile
            {
                Command =
                [
                    "etcd", "--advertise-client-urls=https://" + nodeIp + ":2379", "--cert-file=/etc/kubernetes/pki/etcd/server.crt",
                    "--client-cert-auth=true", "--data-dir=/var/lib/etcd", "--experimental-initial-corrupt-check=true",
                    "--experimental-watch-progress-notify-interval=5s", "--initial-advertise-peer-urls=https://" + nodeIp + ":2380",
                    "--initial-cluster=" + nodeName + "=https://" + nodeIp + ":2380", "--key-file=/etc/kubernetes/pki/etcd/server.key",
                    "--listen-client-urls=https://127.0.0.1:2379,https://" + nodeIp + ":2379", "--listen-metrics-urls=http://127.0.0.1:2381",
                    "--listen-peer-urls=https://" + nodeIp + ":2380", "--name=" + nodeName, "--peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt",
                    "--peer-client-cert-auth=true", "--peer-key-file=/etc/kubernetes/pki/etcd/peer.key",
                    "--peer-trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt", "--snapshot-count=10000",
                    "--trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt",
                ],
                Resources = SpecParts.Resources("100m", "100Mi"),
                Mounts = [Mount("etcd-data", "/var/lib/etcd"), Mount("etcd-certs", "/etc/kubernetes/pki/etcd")],
                LivenessProbe = Http("/livez", 2381, initialDelay: 10, timeout: 15, failure: 8, host: "127.0.0.1"),
                ReadinessProbe = Http("/readyz", 2381, timeout: 15, period: 1, host: "127.0.0.1"),
                StartupProbe = Http("/readyz", 2381, initialDelay: 10, timeout: 15, failure: 24, host: "127.0.0.1"),
            },
            "kube-apiserver" => new ContainerProfile
            {
                Command =
                [
                    "kube-apiserver", "--advertise-address=" + nodeIp, "--allow-privileged=true", "--authorization-mode=Node,RBAC",
                    "--client-ca-file=/etc/kubernetes/pki/ca.crt", "--enable-admission-plugins=NodeRestriction", "--enable-bootstrap-token-auth=true",
                    "--etcd-cafile=/etc/kubernetes/pki/etcd/ca.crt", "--etcd-certfile=/etc/kubernetes/pki/apiserver-etcd-client.crt",
                    "--etcd-keyfile=/etc/kubernetes/pki/apiserver-etcd-client.key", "--etcd-servers=https://127.0.0.1:2379",
                    "--kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt",
                    "--kubelet-client-key=/etc/kubernetes/pki/apiserver-kubelet-client.key",
                    "--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname",
                    "--proxy-client-cert-file=/etc/kubernetes/pki/front-proxy-client.crt", "--proxy-client-key-file=/etc/kubernetes/pki/front-proxy-client.key",
                    "--requestheader-allowed-names=front-proxy-client", "--requestheader-client-ca-file=/etc/kubernetes/pki/front-proxy-ca.crt",
                    "--requestheader-extra-headers-prefix=X-Remote-Extra-", "--requestheader-group-headers=X-Remote-Group",
                    "--requestheader-username-headers=X-Remote-User", "--secure-port=6443", "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
                    "--service-account-key-file=/etc/kubernetes/pki/sa.pub", "--service-account-signing-key-file=/etc/kubernetes/pki/sa.key",
                    "--service-cluster-ip-range=10.96.0.0/12", "--tls-cert-file=/etc/kubernetes/pki/apiserver.crt",
                    "--tls-private-key-file=/etc/kubernetes/pki/apiserver.key",
                ],
                Resources = SpecParts.Resources("250m", null),
                Mounts = [caCerts, Mount("etc-ca-certificates", "/etc/ca-certificates", readOnly: true), k8sCerts],
                LivenessProbe = Http("/livez", 6443, initialDelay: 10, timeout: 15, failure: 8, scheme: "HTTPS", host: nodeIp),
                ReadinessProbe = Http("/readyz", 6443, timeout: 15, period: 1, scheme: "HTTPS", host: nodeIp),
                StartupProbe = Http("/livez", 6443, initialDelay: 10, timeout: 15, failure: 24, scheme: "HTTPS", host: nodeIp),
            },
            "kube-controller-manager" => new ContainerProfile
            {
                Command =
                [
                    "kube-controller-manager", "--allocate-node-cidrs=true", "--authentication-kubeconfig=/etc/kubernetes/controller-manager.conf",
                    "--authorization-kubeconfig=/etc/kubernetes/controller-manager.conf", "--bind-address=127.0.0.1",
                    "--client-ca-file=/etc/kubernetes/pki/ca.crt", "--cluster-cidr=10.64.0.0/10", "--cluster-name=kubernetes",
                    "--cluster-signing-cert-file=/etc/kubernetes/pki/ca.crt", "--cluster-signing-key-file=/etc/kubernetes/pki/ca.key",
                    "--controllers=*,bootstrapsigner,tokencleaner", "--kubeconfig=/etc/kubernetes/controller-manager.conf",
                    "--leader-elect=true", "--requestheader-client-ca-file=/etc/kubernetes/pki/front-proxy-ca.crt",
                    "--root-ca-file=/etc/kubernetes/pki/ca.crt", "--service-account-private-key-file=/etc/kubernetes/pki/sa.key",
                    "--service-cluster-ip-range=10.96.0.0/12", "--use-service-account-credentials=true",
                ],
                Resources = SpecParts.Resources("200m", null),
                Mounts = [caCerts, Mount("flexvolume-dir", "/usr/libexec/kubernetes/kubelet-plugins/volume/exec"), k8sCerts, Mount("kubeconfig", "/etc/kubernetes/controller-manager.conf", readOnly: true)],
                LivenessProbe = Http("/healthz", 10257, initialDelay: 10, timeout: 15, failure: 8, scheme: "HTTPS", host: "127.0.0.1"),
                StartupProbe = Http("/healthz", 10257, initialDelay: 10, timeout: 15, failure: 24, scheme: "HTTPS", host: "127.0.0.1"),
            },
            _ => new ContainerProfile
            {
                Command =
                [
                    "kube-scheduler", "--authentication-kubeconfig=/etc/kubernetes/scheduler.conf", "--authorization-kubeconfig=/etc/kubernetes/scheduler.conf",
                    "--bind-address=127.0.0.1", "--kubeconfig=/etc/kubernetes/scheduler.conf", "--leader-elect=true",
                ],
                Resources = SpecParts.Resources("100m", null),
                Mounts = [Mount("kubeconfig", "/etc/kubernetes/scheduler.conf", readOnly: true)],
                LivenessProbe = Http("/healthz", 10259, initialDelay: 10, timeout: 15, failure: 8, scheme: "HTTPS", host: "127.0.0.1"),
                StartupProbe = Http("/healthz", 10259, initialDelay: 10, timeout: 15, failure: 24, scheme: "HTTPS", host: "127.0.0.1"),
            },
        };
        switch (component)
        {
            case "etcd":
                volumes = [HostPath("etcd-certs", "/etc/kubernetes/pki/etcd", "DirectoryOrCreate"), HostPath("etcd-data", "/var/lib/etcd", "DirectoryOrCreate")];
                break;
            case "kube-apiserver":
                volumes.Insert(1, HostPath("etc-ca-certificates", "/etc/ca-certificates", "DirectoryOrCreate"));
                break;
            case "kube-controller-manager":
                volumes.Insert(1, HostPath("flexvolume-dir", "/usr/libexec/kubernetes/kubelet-plugins/volume/exec", "DirectoryOrCreate"));
                volumes.Add(HostPath("kubeconfig", "/etc/kubernetes/controller-manager.conf", "FileOrCreate"));
                break;
            default:
                volumes = [HostPath("kubeconfig", "/etc/kubernetes/scheduler.conf", "FileOrCreate")];
                break;
        }

        return new PodProfile
        {
            Containers = [main with { ImagePullPolicy = "IfNotPresent" }],
            Volumes = volumes,
            MountsToken = false,
            DnsPolicy = "ClusterFirst",
            SecurityContext = new V1PodSecurityContext { SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" } },
            Tolerations = [new V1Toleration { Effect = "NoExecute", OperatorProperty = "Exists" }],
            PriorityClassName = "system-node-critical",
            Priority = 2000001000,
            Manager = SpecManager.Kubelet,
            QosClass = "Burstable",
        };
    }
}
