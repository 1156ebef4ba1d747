{{/*
Chart name, overridable with nameOverride.
*/}}
{{- define "pod-export.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Full name: release name plus chart name, capped at 63 characters (the DNS label limit of Service names).
A release name that already contains the chart name is used as is.
*/}}
{{- define "pod-export.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Chart name and version for the helm.sh/chart label.
*/}}
{{- define "pod-export.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Selector labels: name and instance only. They are immutable on a Deployment, so nothing that changes between
releases (helm.sh/chart, version) may go here.
*/}}
{{- define "pod-export.selectorLabels" -}}
app.kubernetes.io/name: {{ include "pod-export.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
Common labels on every resource.
*/}}
{{- define "pod-export.labels" -}}
helm.sh/chart: {{ include "pod-export.chart" . }}
{{ include "pod-export.selectorLabels" . }}
app.kubernetes.io/version: {{ (default .Chart.AppVersion .Values.image.tag) | trunc 63 | trimSuffix "-" | quote }}
app.kubernetes.io/component: gateway
app.kubernetes.io/part-of: podexport
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/*
Labels of the helm test resources. Deliberately not the selector labels: the Service must not select the test pod.
*/}}
{{- define "pod-export.testLabels" -}}
helm.sh/chart: {{ include "pod-export.chart" . }}
app.kubernetes.io/name: {{ include "pod-export.name" . }}-test
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: test
app.kubernetes.io/part-of: podexport
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/*
ServiceAccount of the gateway.
*/}}
{{- define "pod-export.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "pod-export.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
Image reference: registry/repository, then @digest when set, else :tag (default appVersion).
*/}}
{{- define "pod-export.image" -}}
{{- $repository := .Values.image.repository }}
{{- if .Values.image.registry }}
{{- $repository = printf "%s/%s" .Values.image.registry .Values.image.repository }}
{{- end }}
{{- if .Values.image.digest }}
{{- printf "%s@%s" $repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" $repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}
{{- end }}

{{/*
URL scheme of the gateway.
*/}}
{{- define "pod-export.scheme" -}}
{{- if .Values.tls.enabled }}
{{- "https" }}
{{- else }}
{{- "http" }}
{{- end }}
{{- end }}

{{/*
A probe from its values: drops the chart's `enabled` switch and adds the HTTPS scheme when TLS is on.
Call with (dict "probe" <the probe values> "tls" <tls.enabled>).
*/}}
{{- define "pod-export.probe" -}}
{{- $probe := omit (deepCopy .probe) "enabled" }}
{{- if and .tls $probe.httpGet }}
{{- $_ := set $probe.httpGet "scheme" "HTTPS" }}
{{- end }}
{{- toYaml $probe }}
{{- end }}

{{/*
RBAC rules: list and watch of exactly the kinds the informers watch (OPERATIONS.md §1.3). They go into the
ClusterRole, or into one Role per watched namespace when rbac.namespaced is set. Nothing else: no get on pods, no
secrets, no write verbs. A test pins this list.
*/}}
{{- define "pod-export.rules.watch" -}}
- apiGroups: [""]
  resources: ["pods", "replicationcontrollers"]
  verbs: ["list", "watch"]
- apiGroups: ["apps"]
  resources: ["replicasets", "deployments", "statefulsets", "daemonsets"]
  verbs: ["list", "watch"]
- apiGroups: ["batch"]
  resources: ["jobs", "cronjobs"]
  verbs: ["list", "watch"]
{{- end }}

{{/*
Cluster-scoped RBAC rules, always in the ClusterRole: get of the kube-system namespace (its UID is the cluster ID),
and with Kubernetes auth the two reviews that delegate authentication and authorization to the API server.
*/}}
{{- define "pod-export.rules.cluster" -}}
- apiGroups: [""]
  resources: ["namespaces"]
  resourceNames: ["kube-system"]
  verbs: ["get"]
{{- if eq .Values.auth.mode "Kubernetes" }}
- apiGroups: ["authentication.k8s.io"]
  resources: ["tokenreviews"]
  verbs: ["create"]
- apiGroups: ["authorization.k8s.io"]
  resources: ["subjectaccessreviews"]
  verbs: ["create"]
{{- end }}
{{- end }}
