{{/*
What the release publishes, one list for the Ingress and the HTTPRoute: each path, how it matches (Prefix or Exact),
the service it reaches and, for Gateway API, the one method it accepts. Partners' API and the OpenAPI document reach
the gateway; the shop and marketplace webhooks (signed by the shop, no bearer token) and Odoo's automation-rule
webhook reach order-service, which serves them; the carriers' tracking webhooks and the TMS's plan callbacks (each
signed) reach shipment-service. Health and metrics are never published.
*/}}
{{- define "portage.publishedPaths" -}}
{{- if .Values.gateway.enabled }}
- path: /api
  match: Prefix
  service: gateway
- path: /q/openapi
  match: Exact
  method: GET
  service: gateway
{{- end }}
{{- if .Values.orderService.enabled }}
{{- if .Values.ingress.webhooks.enabled }}
- path: /webhooks/shopify
  match: Prefix
  method: POST
  service: order-service
- path: /webhooks/marketplace
  match: Prefix
  method: POST
  service: order-service
{{- end }}
{{- if and .Values.ingress.odooWebhook.enabled .Values.odoo.url .Values.odoo.webhookTokenKey }}
- path: /odoo/webhook
  match: Exact
  method: POST
  service: order-service
{{- end }}
{{- end }}
{{- if and .Values.shipmentService.enabled .Values.ingress.webhooks.enabled }}
{{- if include "portage.carrierWebhooks" . }}
- path: /webhooks/carriers
  match: Prefix
  method: POST
  service: shipment-service
{{- end }}
{{- if .Values.shipmentService.tms.enabled }}
- path: /webhooks/tms
  match: Exact
  method: POST
  service: shipment-service
{{- end }}
{{- end }}
{{- end -}}

{{/* Whether a configured carrier sends signed tracking webhooks (it has a webhook secret). */}}
{{- define "portage.carrierWebhooks" -}}
{{- range $name, $carrier := .Values.shipmentService.carriers }}{{ if $carrier.webhookSecretKey }}true{{ end }}{{ end }}
{{- end -}}

{{/*
The domain services webhooks reach from outside, through the Ingress or the HTTPRoute (a YAML list, empty when nothing
is published): each admits the controller's pods on its HTTP port.
*/}}
{{- define "portage.webhookServices" -}}
{{- $services := list }}
{{- if or .Values.ingress.enabled .Values.httpRoute.enabled }}
{{- range (include "portage.publishedPaths" . | fromYamlArray) }}
{{- if and (ne .service "gateway") (not (has .service $services)) }}{{ $services = append $services .service }}{{ end }}
{{- end }}
{{- end }}
{{- toYaml $services }}
{{- end -}}
