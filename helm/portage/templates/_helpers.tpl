{{/*
The services this chart runs, with the facts about each that are not configuration: the values key, the
app.kubernetes.io/component label, whether it uses PostgreSQL and Kafka, whether it verifies access tokens (every
service behind the gateway does: none trusts the network; the console signs people in instead), and whether it serves
no metrics (the console: its pages are published on its own host, so it has no /q/metrics to leak).
*/}}
{{- define "portage.services" -}}
gateway:
  key: gateway
  component: gateway
  database: true
  kafka: true
  oidc: true
order-service:
  key: orderService
  component: order-intake
  database: true
  kafka: true
  oidc: true
yard-service:
  key: yardService
  component: yard
  database: true
  kafka: true
  oidc: true
shipment-service:
  key: shipmentService
  component: shipments
  database: true
  kafka: true
  oidc: true
finance-service:
  key: financeService
  component: freight-finance
  database: true
  kafka: true
  oidc: true
edi-gateway:
  key: ediGateway
  component: edi
  database: true
  kafka: true
  oidc: true
console:
  key: console
  component: console
  database: false
  kafka: false
  oidc: false
  unscraped: true
{{- end -}}

{{/* The chart's name, or nameOverride. */}}
{{- define "portage.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 40 | trimSuffix "-" -}}
{{- end -}}

{{/*
The prefix of every object's name: fullnameOverride, else the release's name when it already holds the chart's name,
else <release>-<name>. At most 40 characters, so <fullname>-<service> stays within 63.
*/}}
{{- define "portage.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- $name := include "portage.name" . -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* The namespace every object goes to: namespaceOverride, else the release's. */}}
{{- define "portage.namespace" -}}
{{- default .Release.Namespace .Values.namespaceOverride -}}
{{- end -}}

{{/* The name of one service's objects: <fullname>-<service>, at most 63 characters. */}}
{{- define "portage.serviceName" -}}
{{- printf "%s-%s" (include "portage.fullname" .root) .service | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels that select one service's pods: stable across upgrades (no version), so selectors never change. */}}
{{- define "portage.selectorLabels" -}}
app.kubernetes.io/name: {{ .service }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{/* Labels of the release's objects that belong to no one service (network policies, topics, rules); takes the root. */}}
{{- define "portage.commonLabels" -}}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/part-of: portage
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}

{{/* Labels of one service's objects: its selector labels, its component and the common labels. */}}
{{- define "portage.labels" -}}
app.kubernetes.io/name: {{ .service }}
app.kubernetes.io/component: {{ .component }}
{{ include "portage.commonLabels" .root }}
{{- end -}}

{{- define "portage.image" -}}
{{- $image := .root.Values.image -}}
{{- printf "%s/%s/%s:%s" $image.registry $image.repository .service (default .root.Chart.AppVersion $image.tag) -}}
{{- end -}}

{{- define "portage.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "portage.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* One service's settings: serviceDefaults overlaid with the service's own block. */}}
{{- define "portage.settings" -}}
{{- $own := index .root.Values .key | default dict -}}
{{- mergeOverwrite (deepCopy .root.Values.serviceDefaults) (deepCopy $own) | toYaml -}}
{{- end -}}

{{/* Prometheus scrape annotations: every service serves /q/metrics on its HTTP port. */}}
{{- define "portage.scrapeAnnotations" -}}
prometheus.io/scrape: "true"
prometheus.io/path: /q/metrics
prometheus.io/port: "8080"
prometheus.io/scheme: http
{{- end -}}

{{/* The container and pod security settings every Portage pod runs with (the images' user is 185). */}}
{{- define "portage.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: 185
runAsGroup: 185
fsGroup: 185
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "portage.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
capabilities:
  drop:
    - ALL
{{- end -}}

{{/* Liveness, readiness and startup probes on the SmallRye Health endpoints. */}}
{{- define "portage.probes" -}}
startupProbe:
  httpGet:
    path: /q/health/started
    port: http
  periodSeconds: 5
  timeoutSeconds: 5
  failureThreshold: 24
livenessProbe:
  httpGet:
    path: /q/health/live
    port: http
  periodSeconds: 10
  timeoutSeconds: 5
  failureThreshold: 3
readinessProbe:
  httpGet:
    path: /q/health/ready
    port: http
  periodSeconds: 10
  timeoutSeconds: 5
  failureThreshold: 3
{{- end -}}

{{/*
Tracing: spans are exported over OTLP when an endpoint is configured, for the given share of traces (the services
sample by trace id, so all of them keep the same traces); without an endpoint nothing is sampled or exported.
*/}}
{{- define "portage.tracingEnv" -}}
{{- if .Values.tracing.otlpEndpoint }}
- name: QUARKUS_OTEL_TRACES_SAMPLER_ARG
  value: {{ .Values.tracing.sampleRatio | toString | quote }}
- name: QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT
  value: {{ .Values.tracing.otlpEndpoint | quote }}
{{- end }}
{{- end -}}

{{/*
The gateway's downstreams (gateway.downstreams) as its portage.gateway.downstreams.<name>.* settings: the URL of the
release's Service for each (or its own `url`), the route groups it serves, whether its operations API is exposed, and
any timeout or breaker setting given. A service disabled in this release and without a `url` is switched off.
*/}}
{{- define "portage.gatewayDownstreams" -}}
{{- $services := include "portage.services" . | fromYaml }}
{{- range $name := keys .Values.gateway.downstreams | sortAlpha }}
{{- $downstream := get $.Values.gateway.downstreams $name }}
{{- $prefix := printf "PORTAGE_GATEWAY_DOWNSTREAMS_%s_" ($name | upper | replace "-" "_") }}
{{- $facts := get $services $name }}
{{- $url := $downstream.url | default "" }}
{{- if and (not $url) $facts (index $.Values $facts.key).enabled }}
{{- $url = printf "http://%s:80" (include "portage.serviceName" (dict "root" $ "service" $name)) }}
{{- end }}
{{- if $url }}
- name: {{ $prefix }}URL
  value: {{ $url | quote }}
{{- else }}
- name: {{ $prefix }}ENABLED
  value: "false"
{{- end }}
- name: {{ $prefix }}ROUTES
  value: {{ join "," $downstream.routes | quote }}
- name: {{ $prefix }}OPS
  value: {{ $downstream.ops | quote }}
{{- range $key, $setting := dict "TIMEOUT" $downstream.timeout "CONNECT_TIMEOUT" $downstream.connectTimeout "READ_RETRIES" $downstream.readRetries }}
{{- if not (kindIs "invalid" $setting) }}
- name: {{ $prefix }}{{ $key }}
  value: {{ $setting | quote }}
{{- end }}
{{- end }}
{{- with $downstream.breaker }}
{{- range $key, $setting := dict "REQUEST_VOLUME" .requestVolume "FAILURE_RATIO" .failureRatio "DELAY" .delay }}
{{- if not (kindIs "invalid" $setting) }}
- name: {{ $prefix }}BREAKER_{{ $key }}
  value: {{ $setting | quote }}
{{- end }}
{{- end }}
{{- end }}
{{- end }}
{{- end }}

{{/* The image of the `helm test` pods. */}}
{{- define "portage.testImage" -}}
{{- printf "%s/%s:%s" .Values.tests.image.registry .Values.tests.image.repository .Values.tests.image.tag -}}
{{- end -}}

{{/*
The canonical topics (io.portage.contracts.Topics.ALL, docs/events.md) and the services whose consumers send what
they cannot apply to their own dead-letter topic portage.dlq.<service> (Topics.deadLetters): facts of the code, not
configuration; HelmTopicsTest holds both to the contracts and the services' settings.
*/}}
{{- define "portage.topics" -}}
- portage.orders
- portage.yard
- portage.shipments
- portage.finance
- portage.warehouse
- portage.erp
{{- end -}}

{{- define "portage.deadLetterConsumers" -}}
- edi-gateway
- finance-service
- order-service
- shipment-service
- yard-service
{{- end -}}

{{/* The CloudNativePG cluster's name, when the release creates one. */}}
{{- define "portage.postgresCluster" -}}
{{- printf "%s-postgresql" (include "portage.fullname" .) -}}
{{- end -}}

{{/* The PostgreSQL host the services connect to: the CloudNativePG cluster's read-write Service, or database.host. */}}
{{- define "portage.databaseHost" -}}
{{- if .Values.cloudnativePg.enabled -}}
{{- printf "%s-rw" (include "portage.postgresCluster" .) -}}
{{- else -}}
{{- .Values.database.host -}}
{{- end -}}
{{- end -}}

{{/* The gateway's Service URL inside the cluster: what the console calls. */}}
{{- define "portage.gatewayUrl" -}}
{{- printf "http://%s:%v" (include "portage.serviceName" (dict "root" . "service" "gateway")) .Values.gateway.service.port -}}
{{- end -}}

{{/* The services whose operations APIs the gateway relays (downstreams with ops, reachable): the console's list. */}}
{{- define "portage.opsServices" -}}
{{- $services := include "portage.services" . | fromYaml }}
{{- $names := list }}
{{- range $name := keys .Values.gateway.downstreams | sortAlpha }}
{{- $downstream := get $.Values.gateway.downstreams $name }}
{{- $facts := get $services $name }}
{{- if and $downstream.ops (or $downstream.url (and $facts (index $.Values $facts.key).enabled)) }}
{{- $names = append $names $name }}
{{- end }}
{{- end }}
{{- join "," $names -}}
{{- end -}}
