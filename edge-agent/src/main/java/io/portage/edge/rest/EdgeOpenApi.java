package io.portage.edge.rest;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import io.portage.kit.rest.Problem;

/**
 * The agent's OpenAPI document at {@code /q/openapi}: its server, the two keys (a device's, an operator's) as bearer
 * schemes, and, as a filter, the 401 and 403 every secured operation can answer and the problem+json body of every
 * error answer, so a client generated from it knows each answer.
 */
public class EdgeOpenApi implements OASFilter {

    static final String DEVICE = "deviceKey";
    static final String OPERATOR = "operatorKey";

    private static final Map<String, String> SECURITY_ANSWERS = Map.of("401",
            "No key, or one this agent does not hold (unknown or revoked)", "403", "A key of the other role");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.addServer(OASFactory.createServer()
                .url("http://127.0.0.1:8080")
                .description("The agent on the warehouse server (loopback unless QUARKUS_HTTP_HOST names another interface)"));
        openAPI.getComponents()
                .addSecurityScheme(DEVICE, key("A device's or integration's key (keys create <name>): event intake"))
                .addSecurityScheme(OPERATOR, key("An operator's key (keys create <name> --operator): status, dead letters"))
                .addSchema("Problem", problemSchema());
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(path -> path.getOperations().values().forEach(this::complete));
    }

    private void complete(Operation operation) {
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            SECURITY_ANSWERS.forEach((status, description) -> {
                if (operation.getResponses().getAPIResponse(status) == null) {
                    operation.getResponses().addAPIResponse(status, OASFactory.createAPIResponse().description(description));
                }
            });
        }
        operation.getResponses().getAPIResponses().forEach((status, response) -> {
            if (status.matches("[45]\\d\\d") && response.getContent() == null) {
                response.setContent(problemContent());
            }
        });
    }

    private static SecurityScheme key(String description) {
        return OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP)
                .scheme("bearer")
                .bearerFormat("pek_ key")
                .description(description + "; sent as Authorization: Bearer <key>");
    }

    private static Content problemContent() {
        return OASFactory.createContent()
                .addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem")));
    }

    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema violation = OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .addProperty("field", text)
                .addProperty("message", text);
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details; violations name each invalid field by its path")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri"))
                .addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", text)
                .addProperty("instance", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri-reference"))
                .addProperty("correlationId", text)
                .addProperty("violations", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(violation))
                .addRequired("type")
                .addRequired("title")
                .addRequired("status");
    }

}
