{{/*
What the release publishes, one list for the Ingress and the HTTPRoute: each path, how it matches (Prefix or Exact),
the service it reaches and, for Gateway API, the one method it accepts. Partners' API and the OpenAPI document reach
the gateway; the shop and marketplace webhooks (signed by the shop, no bearer token) and Odoo's automation-rule
webhook reach order-service, which serves them. Health and metrics are never published.
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
{{- end -}}

{{/* Whether webhooks reach order-service from outside: through the Ingress or the HTTPRoute. */}}
{{- define "portage.webhooksPublished" -}}
{{- $paths := include "portage.publishedPaths" . | fromYamlArray }}
{{- $toOrders := false }}
{{- range $paths }}{{ if eq .service "order-service" }}{{ $toOrders = true }}{{ end }}{{ end }}
{{- if and $toOrders (or .Values.ingress.enabled .Values.httpRoute.enabled) }}true{{ end }}
{{- end -}}
