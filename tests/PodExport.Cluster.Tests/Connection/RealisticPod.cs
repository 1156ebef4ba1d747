using k8s;
using k8s.Models;

namespace PodExport.Cluster.Tests.Connection;

/// <summary>
/// A pod as a 1.32 API server returns it for a Deployment replica: managedFields, annotations, the kube-api-access
/// projected volume and three others, env and envFrom, resources, three probes, lifecycle, security contexts,
/// affinity, tolerations, spread constraints, conditions, an init container, an ephemeral (debug) container, a restarted
/// (OOMKilled) container and the 1.30+ status fields (volumeMounts, user, allocatedResources). About 10 KB of compact JSON, five times a
/// simulator pod.
/// </summary>
internal static class RealisticPod
{
    public const string Json = """
        {
          "metadata": {
            "name": "checkout-7d9f8b6c5d-x2k4q",
            "generateName": "checkout-7d9f8b6c5d-",
            "namespace": "shop",
            "uid": "5b7e2c1a-9f3d-4e8b-a6c2-1d0e9f8a7b6c",
            "resourceVersion": "48213377",
            "creationTimestamp": "2026-11-20T08:14:03Z",
            "labels": {
              "app.kubernetes.io/name": "checkout",
              "app.kubernetes.io/part-of": "shop",
              "pod-template-hash": "7d9f8b6c5d"
            },
            "annotations": {
              "kubectl.kubernetes.io/restartedAt": "2026-11-20T08:13:58Z",
              "prometheus.io/scrape": "true",
              "prometheus.io/port": "9102"
            },
            "ownerReferences": [
              {
                "apiVersion": "apps/v1",
                "kind": "ReplicaSet",
                "name": "checkout-7d9f8b6c5d",
                "uid": "0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
                "controller": true,
                "blockOwnerDeletion": true
              }
            ],
            "finalizers": [
              "example.com/drain-connections"
            ],
            "managedFields": [
              {
                "manager": "kube-controller-manager",
                "operation": "Update",
                "apiVersion": "v1",
                "time": "2026-11-20T08:14:03Z",
                "fieldsType": "FieldsV1",
                "fieldsV1": {
                  "f:metadata": {
                    "f:generateName": {},
                    "f:labels": {
                      ".": {},
                      "f:app.kubernetes.io/name": {},
                      "f:app.kubernetes.io/part-of": {},
                      "f:pod-template-hash": {}
                    },
                    "f:ownerReferences": {
                      ".": {},
                      "k:{\"uid\":\"0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f\"}": {}
                    }
                  },
                  "f:spec": {
                    "f:containers": {
                      "k:{\"name\":\"app\"}": {
                        ".": {},
                        "f:env": {
                          ".": {},
                          "k:{\"name\":\"POD_NAME\"}": {
                            ".": {},
                            "f:name": {},
                            "f:valueFrom": {
                              ".": {},
                              "f:fieldRef": {}
                            }
                          }
                        },
                        "f:image": {},
                        "f:imagePullPolicy": {},
                        "f:livenessProbe": {
                          ".": {},
                          "f:httpGet": {
                            ".": {},
                            "f:path": {},
                            "f:port": {},
                            "f:scheme": {}
                          }
                        },
                        "f:name": {},
                        "f:ports": {
                          ".": {},
                          "k:{\"containerPort\":8080,\"protocol\":\"TCP\"}": {
                            ".": {},
                            "f:containerPort": {},
                            "f:name": {},
                            "f:protocol": {}
                          }
                        },
                        "f:resources": {
                          ".": {},
                          "f:limits": {
                            ".": {},
                            "f:memory": {}
                          },
                          "f:requests": {
                            ".": {},
                            "f:cpu": {},
                            "f:memory": {}
                          }
                        }
                      }
                    },
                    "f:dnsPolicy": {},
                    "f:enableServiceLinks": {},
                    "f:restartPolicy": {},
                    "f:schedulerName": {},
                    "f:securityContext": {},
                    "f:terminationGracePeriodSeconds": {}
                  }
                }
              },
              {
                "manager": "kubelet",
                "operation": "Update",
                "apiVersion": "v1",
                "time": "2026-11-21T02:40:11Z",
                "fieldsType": "FieldsV1",
                "subresource": "status",
                "fieldsV1": {
                  "f:status": {
                    "f:conditions": {
                      "k:{\"type\":\"ContainersReady\"}": {
                        ".": {},
                        "f:lastProbeTime": {},
                        "f:lastTransitionTime": {},
                        "f:status": {},
                        "f:type": {}
                      },
                      "k:{\"type\":\"Initialized\"}": {
                        ".": {},
                        "f:lastProbeTime": {},
                        "f:lastTransitionTime": {},
                        "f:status": {},
                        "f:type": {}
                      },
                      "k:{\"type\":\"Ready\"}": {
                        ".": {},
                        "f:lastProbeTime": {},
                        "f:lastTransitionTime": {},
                        "f:status": {},
                        "f:type": {}
                      }
                    },
                    "f:containerStatuses": {},
                    "f:hostIP": {},
                    "f:hostIPs": {},
                    "f:initContainerStatuses": {},
                    "f:phase": {},
                    "f:podIP": {},
                    "f:podIPs": {
                      ".": {},
                      "k:{\"ip\":\"10.244.3.17\"}": {
                        ".": {},
                        "f:ip": {}
                      }
                    },
                    "f:startTime": {}
                  }
                }
              }
            ]
          },
          "spec": {
            "volumes": [
              {
                "name": "config",
                "configMap": {
                  "name": "checkout-config",
                  "defaultMode": 420
                }
              },
              {
                "name": "cache",
                "emptyDir": {
                  "sizeLimit": "256Mi"
                }
              },
              {
                "name": "tls",
                "secret": {
                  "secretName": "checkout-tls",
                  "defaultMode": 256
                }
              },
              {
                "name": "kube-api-access-8xk2p",
                "projected": {
                  "defaultMode": 420,
                  "sources": [
                    {
                      "serviceAccountToken": {
                        "expirationSeconds": 3607,
                        "path": "token"
                      }
                    },
                    {
                      "configMap": {
                        "name": "kube-root-ca.crt",
                        "items": [
                          {
                            "key": "ca.crt",
                            "path": "ca.crt"
                          }
                        ]
                      }
                    },
                    {
                      "downwardAPI": {
                        "items": [
                          {
                            "path": "namespace",
                            "fieldRef": {
                              "apiVersion": "v1",
                              "fieldPath": "metadata.namespace"
                            }
                          }
                        ]
                      }
                    }
                  ]
                }
              }
            ],
            "initContainers": [
              {
                "name": "migrate",
                "image": "registry.example.com/shop/checkout-migrate:1.42.0",
                "command": [
                  "/bin/migrate",
                  "--up"
                ],
                "env": [
                  {
                    "name": "DATABASE_URL",
                    "valueFrom": {
                      "secretKeyRef": {
                        "name": "checkout-db",
                        "key": "url"
                      }
                    }
                  }
                ],
                "resources": {
                  "requests": {
                    "cpu": "50m",
                    "memory": "64Mi"
                  }
                },
                "volumeMounts": [
                  {
                    "name": "kube-api-access-8xk2p",
                    "readOnly": true,
                    "mountPath": "/var/run/secrets/kubernetes.io/serviceaccount"
                  }
                ],
                "terminationMessagePath": "/dev/termination-log",
                "terminationMessagePolicy": "File",
                "imagePullPolicy": "IfNotPresent"
              }
            ],
            "containers": [
              {
                "name": "app",
                "image": "registry.example.com/shop/checkout:1.42.0",
                "args": [
                  "--port=8080",
                  "--metrics-port=9102"
                ],
                "ports": [
                  {
                    "name": "http",
                    "containerPort": 8080,
                    "protocol": "TCP"
                  },
                  {
                    "name": "metrics",
                    "containerPort": 9102,
                    "protocol": "TCP"
                  }
                ],
                "envFrom": [
                  {
                    "configMapRef": {
                      "name": "checkout-env"
                    }
                  }
                ],
                "env": [
                  {
                    "name": "POD_NAME",
                    "valueFrom": {
                      "fieldRef": {
                        "apiVersion": "v1",
                        "fieldPath": "metadata.name"
                      }
                    }
                  },
                  {
                    "name": "POD_IP",
                    "valueFrom": {
                      "fieldRef": {
                        "apiVersion": "v1",
                        "fieldPath": "status.podIP"
                      }
                    }
                  },
                  {
                    "name": "GOMAXPROCS",
                    "valueFrom": {
                      "resourceFieldRef": {
                        "resource": "limits.cpu",
                        "divisor": "1"
                      }
                    }
                  },
                  {
                    "name": "LOG_LEVEL",
                    "value": "info"
                  }
                ],
                "resources": {
                  "limits": {
                    "cpu": "2",
                    "memory": "1Gi"
                  },
                  "requests": {
                    "cpu": "250m",
                    "memory": "512Mi"
                  }
                },
                "volumeMounts": [
                  {
                    "name": "config",
                    "mountPath": "/etc/checkout"
                  },
                  {
                    "name": "cache",
                    "mountPath": "/var/cache/checkout"
                  },
                  {
                    "name": "tls",
                    "readOnly": true,
                    "mountPath": "/etc/tls"
                  },
                  {
                    "name": "kube-api-access-8xk2p",
                    "readOnly": true,
                    "mountPath": "/var/run/secrets/kubernetes.io/serviceaccount"
                  }
                ],
                "livenessProbe": {
                  "httpGet": {
                    "path": "/healthz",
                    "port": 8080,
                    "scheme": "HTTP"
                  },
                  "initialDelaySeconds": 10,
                  "timeoutSeconds": 1,
                  "periodSeconds": 10,
                  "successThreshold": 1,
                  "failureThreshold": 3
                },
                "readinessProbe": {
                  "httpGet": {
                    "path": "/ready",
                    "port": "http",
                    "scheme": "HTTP"
                  },
                  "timeoutSeconds": 1,
                  "periodSeconds": 5,
                  "successThreshold": 1,
                  "failureThreshold": 3
                },
                "startupProbe": {
                  "tcpSocket": {
                    "port": 8080
                  },
                  "timeoutSeconds": 1,
                  "periodSeconds": 2,
                  "successThreshold": 1,
                  "failureThreshold": 30
                },
                "lifecycle": {
                  "preStop": {
                    "exec": {
                      "command": [
                        "/bin/sh",
                        "-c",
                        "sleep 5"
                      ]
                    }
                  }
                },
                "securityContext": {
                  "allowPrivilegeEscalation": false,
                  "capabilities": {
                    "drop": [
                      "ALL"
                    ]
                  },
                  "readOnlyRootFilesystem": true,
                  "runAsNonRoot": true,
                  "runAsUser": 10001
                },
                "terminationMessagePath": "/dev/termination-log",
                "terminationMessagePolicy": "File",
                "imagePullPolicy": "IfNotPresent"
              },
              {
                "name": "envoy",
                "image": "docker.io/envoyproxy/envoy:v1.31.2",
                "ports": [
                  {
                    "name": "admin",
                    "containerPort": 9901,
                    "protocol": "TCP"
                  }
                ],
                "resources": {
                  "limits": {
                    "memory": "256Mi"
                  },
                  "requests": {
                    "cpu": "100m",
                    "memory": "128Mi"
                  }
                },
                "volumeMounts": [
                  {
                    "name": "kube-api-access-8xk2p",
                    "readOnly": true,
                    "mountPath": "/var/run/secrets/kubernetes.io/serviceaccount"
                  }
                ],
                "readinessProbe": {
                  "httpGet": {
                    "path": "/ready",
                    "port": 9901,
                    "scheme": "HTTP"
                  },
                  "timeoutSeconds": 1,
                  "periodSeconds": 10,
                  "successThreshold": 1,
                  "failureThreshold": 3
                },
                "terminationMessagePath": "/dev/termination-log",
                "terminationMessagePolicy": "File",
                "imagePullPolicy": "IfNotPresent"
              }
            ],
            "restartPolicy": "Always",
            "terminationGracePeriodSeconds": 30,
            "dnsPolicy": "ClusterFirst",
            "serviceAccountName": "checkout",
            "serviceAccount": "checkout",
            "nodeName": "worker-17",
            "securityContext": {
              "fsGroup": 10001,
              "seccompProfile": {
                "type": "RuntimeDefault"
              }
            },
            "imagePullSecrets": [
              {
                "name": "registry-credentials"
              }
            ],
            "affinity": {
              "podAntiAffinity": {
                "preferredDuringSchedulingIgnoredDuringExecution": [
                  {
                    "weight": 100,
                    "podAffinityTerm": {
                      "labelSelector": {
                        "matchLabels": {
                          "app.kubernetes.io/name": "checkout"
                        }
                      },
                      "topologyKey": "kubernetes.io/hostname"
                    }
                  }
                ]
              }
            },
            "schedulerName": "default-scheduler",
            "tolerations": [
              {
                "key": "node.kubernetes.io/not-ready",
                "operator": "Exists",
                "effect": "NoExecute",
                "tolerationSeconds": 300
              },
              {
                "key": "node.kubernetes.io/unreachable",
                "operator": "Exists",
                "effect": "NoExecute",
                "tolerationSeconds": 300
              }
            ],
            "topologySpreadConstraints": [
              {
                "maxSkew": 1,
                "topologyKey": "topology.kubernetes.io/zone",
                "whenUnsatisfiable": "ScheduleAnyway",
                "labelSelector": {
                  "matchLabels": {
                    "app.kubernetes.io/name": "checkout"
                  }
                }
              }
            ],
            "priority": 0,
            "enableServiceLinks": true,
            "preemptionPolicy": "PreemptLowerPriority",
            "ephemeralContainers": [
              {
                "name": "debugger-x7k2p",
                "image": "busybox:1.36",
                "command": [
                  "sh"
                ],
                "stdin": true,
                "tty": true,
                "targetContainerName": "app",
                "resources": {},
                "terminationMessagePath": "/dev/termination-log",
                "terminationMessagePolicy": "File",
                "imagePullPolicy": "IfNotPresent"
              }
            ]
          },
          "status": {
            "phase": "Running",
            "conditions": [
              {
                "type": "PodReadyToStartContainers",
                "status": "True",
                "lastProbeTime": null,
                "lastTransitionTime": "2026-11-20T08:14:05Z"
              },
              {
                "type": "Initialized",
                "status": "True",
                "lastProbeTime": null,
                "lastTransitionTime": "2026-11-20T08:14:09Z"
              },
              {
                "type": "Ready",
                "status": "True",
                "lastProbeTime": null,
                "lastTransitionTime": "2026-11-21T02:40:11Z"
              },
              {
                "type": "ContainersReady",
                "status": "True",
                "lastProbeTime": null,
                "lastTransitionTime": "2026-11-21T02:40:11Z"
              },
              {
                "type": "PodScheduled",
                "status": "True",
                "lastProbeTime": null,
                "lastTransitionTime": "2026-11-20T08:14:03Z"
              }
            ],
            "hostIP": "10.0.4.17",
            "hostIPs": [
              {
                "ip": "10.0.4.17"
              }
            ],
            "podIP": "10.244.3.17",
            "podIPs": [
              {
                "ip": "10.244.3.17"
              },
              {
                "ip": "fd00:10:244:3::11"
              }
            ],
            "startTime": "2026-11-20T08:14:03Z",
            "initContainerStatuses": [
              {
                "name": "migrate",
                "state": {
                  "terminated": {
                    "exitCode": 0,
                    "reason": "Completed",
                    "startedAt": "2026-11-20T08:14:06Z",
                    "finishedAt": "2026-11-20T08:14:08Z",
                    "containerID": "containerd://1f2e3d4c5b6a79881f2e3d4c5b6a79881f2e3d4c5b6a79881f2e3d4c5b6a7988"
                  }
                },
                "lastState": {},
                "ready": true,
                "restartCount": 0,
                "image": "registry.example.com/shop/checkout-migrate:1.42.0",
                "imageID": "registry.example.com/shop/checkout-migrate@sha256:9a8b7c6d5e4f30219a8b7c6d5e4f30219a8b7c6d5e4f30219a8b7c6d5e4f3021",
                "containerID": "containerd://1f2e3d4c5b6a79881f2e3d4c5b6a79881f2e3d4c5b6a79881f2e3d4c5b6a7988",
                "started": false,
                "volumeMounts": [
                  {
                    "name": "kube-api-access-8xk2p",
                    "mountPath": "/var/run/secrets/kubernetes.io/serviceaccount",
                    "readOnly": true,
                    "recursiveReadOnly": "Disabled"
                  }
                ]
              }
            ],
            "containerStatuses": [
              {
                "name": "app",
                "state": {
                  "running": {
                    "startedAt": "2026-11-21T02:40:02Z"
                  }
                },
                "lastState": {
                  "terminated": {
                    "exitCode": 137,
                    "reason": "OOMKilled",
                    "message": "memory limit exceeded",
                    "startedAt": "2026-11-20T08:14:10Z",
                    "finishedAt": "2026-11-21T02:39:59Z",
                    "containerID": "containerd://aa11bb22cc33dd44ee55ff66aa11bb22cc33dd44ee55ff66aa11bb22cc33dd44"
                  }
                },
                "ready": true,
                "restartCount": 1,
                "image": "registry.example.com/shop/checkout:1.42.0",
                "imageID": "registry.example.com/shop/checkout@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                "containerID": "containerd://bb22cc33dd44ee55ff66aa11bb22cc33dd44ee55ff66aa11bb22cc33dd44ee55",
                "started": true,
                "allocatedResources": {
                  "cpu": "250m",
                  "memory": "512Mi"
                },
                "resources": {
                  "limits": {
                    "cpu": "2",
                    "memory": "1Gi"
                  },
                  "requests": {
                    "cpu": "250m",
                    "memory": "512Mi"
                  }
                },
                "user": {
                  "linux": {
                    "uid": 10001,
                    "gid": 10001,
                    "supplementalGroups": [
                      10001
                    ]
                  }
                },
                "volumeMounts": [
                  {
                    "name": "config",
                    "mountPath": "/etc/checkout"
                  },
                  {
                    "name": "cache",
                    "mountPath": "/var/cache/checkout"
                  },
                  {
                    "name": "tls",
                    "mountPath": "/etc/tls",
                    "readOnly": true,
                    "recursiveReadOnly": "Disabled"
                  },
                  {
                    "name": "kube-api-access-8xk2p",
                    "mountPath": "/var/run/secrets/kubernetes.io/serviceaccount",
                    "readOnly": true,
                    "recursiveReadOnly": "Disabled"
                  }
                ]
              },
              {
                "name": "envoy",
                "state": {
                  "running": {
                    "startedAt": "2026-11-20T08:14:11Z"
                  }
                },
                "lastState": {},
                "ready": true,
                "restartCount": 0,
                "image": "docker.io/envoyproxy/envoy:v1.31.2",
                "imageID": "docker.io/envoyproxy/envoy@sha256:fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210",
                "containerID": "containerd://cc33dd44ee55ff66aa11bb22cc33dd44ee55ff66aa11bb22cc33dd44ee55ff66",
                "started": true,
                "volumeMounts": [
                  {
                    "name": "kube-api-access-8xk2p",
                    "mountPath": "/var/run/secrets/kubernetes.io/serviceaccount",
                    "readOnly": true,
                    "recursiveReadOnly": "Disabled"
                  }
                ]
              }
            ],
            "qosClass": "Burstable",
            "ephemeralContainerStatuses": [
              {
                "name": "debugger-x7k2p",
                "state": {
                  "running": {
                    "startedAt": "2026-11-21T03:00:00Z"
                  }
                },
                "lastState": {},
                "ready": false,
                "restartCount": 0,
                "image": "docker.io/library/busybox:1.36",
                "imageID": "docker.io/library/busybox@sha256:768e5c6f5cb6db0794eec98dc7a967f40631746c32232b78a3105fb946f3ab83",
                "containerID": "containerd://dd44ee55ff66aa11bb22cc33dd44ee55ff66aa11bb22cc33dd44ee55ff66aa11"
              }
            ]
          }
        }
        """;

    /// <summary>Decoded the way everything but the informer's client decodes: all of it.</summary>
    public static V1Pod Full() => KubernetesJson.Deserialize<V1Pod>(Json);
}
