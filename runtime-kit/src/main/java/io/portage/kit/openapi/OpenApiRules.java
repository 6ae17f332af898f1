package io.portage.kit.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Completes a service's OpenAPI document so a partner can generate a client from it ({@code mp.openapi.filter}): the
 * operator paths ({@code /ops}, role {@code ops} by every service's HTTP permission) declare that security; an
 * operation declaring a partner scope also admits an operator (who acts for every partner); a secured operation
 * declares the 401 (and, needing a scope or role, the 403) its door answers; an operation with parameters or a body
 * declares the 400 its checks answer; one with a UUID path parameter the 404 of a record not there; and every error
 * answer is a {@code Problem} ({@code application/problem+json}).
 */
public class OpenApiRules implements OASFilter {

    public static final String PROBLEM_SCHEMA = "Problem";
    static final String PROBLEM_MEDIA_TYPE = "application/problem+json";
    static final String OPERATOR_ROLE = "ops";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        String scheme = schemeName(openAPI);
        openAPI.getComponents().addSchema(PROBLEM_SCHEMA, problemSchema());
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            for (Operation operation : path.getValue().getOperations().values()) {
                List<Parameter> parameters = new ArrayList<>();
                if (path.getValue().getParameters() != null) {
                    parameters.addAll(path.getValue().getParameters());
                }
                if (operation.getParameters() != null) {
                    parameters.addAll(operation.getParameters());
                }
                complete(path.getKey(), operation, scheme, !parameters.isEmpty());
                if (parameters.stream()
                        .anyMatch(parameter -> "path".equals(String.valueOf(parameter.getIn()))
                                && isUuid(openAPI, parameter.getSchema()))) {
                    declare(operation, "404", "No such record (an id that is not a UUID names none either)");
                }
            }
        }
    }

    /** A UUID path parameter names a stored record: one that is not there, or not a UUID, is answered 404. */
    private static boolean isUuid(OpenAPI openAPI, Schema schema) {
        Schema resolved = schema;
        if (schema != null && schema.getRef() != null && openAPI.getComponents().getSchemas() != null) {
            resolved = openAPI.getComponents()
                    .getSchemas()
                    .get(schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1));
        }
        return resolved != null && "uuid".equals(resolved.getFormat());
    }

    private static void complete(String path, Operation operation, String scheme, boolean parameters) {
        if (scheme != null) {
            if (operation.getSecurity() == null && (path.equals("/ops") || path.startsWith("/ops/"))) {
                operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(scheme, OPERATOR_ROLE));
            } else if (operation.getSecurity() != null && grants(operation, scheme) && !grantsOperator(operation, scheme)) {
                operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(scheme, OPERATOR_ROLE));
            }
        }
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        if (secured) {
            declare(operation, "401", "No valid access token");
            if (grants(operation, scheme)) {
                declare(operation, "403", "The access token lacks the scope or role the operation needs");
            }
        }
        if (parameters || operation.getRequestBody() != null) {
            declare(operation, "400", "Invalid request: the problem names the parameter or field");
        }
        if (operation.getResponses() != null) {
            operation.getResponses().getAPIResponses().forEach((status, response) -> {
                if ((status.startsWith("4") || status.startsWith("5"))
                        && (response.getContent() == null || response.getContent().getMediaTypes().isEmpty())) {
                    response.setContent(problemContent());
                }
            });
        }
    }

    private static boolean grants(Operation operation, String scheme) {
        return operation.getSecurity()
                .stream()
                .anyMatch(requirement -> requirement.getScheme(scheme) != null && !requirement.getScheme(scheme).isEmpty());
    }

    private static boolean grantsOperator(Operation operation, String scheme) {
        return operation.getSecurity()
                .stream()
                .anyMatch(requirement -> List.of(OPERATOR_ROLE).equals(requirement.getScheme(scheme)));
    }

    private static void declare(Operation operation, String status, String description) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        if (!operation.getResponses().hasAPIResponse(status)) {
            APIResponse response = OASFactory.createAPIResponse().description(description).content(problemContent());
            operation.getResponses().addAPIResponse(status, response);
        }
    }

    private static org.eclipse.microprofile.openapi.models.media.Content problemContent() {
        return OASFactory.createContent()
                .addMediaType(PROBLEM_MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA)));
    }

    private static String schemeName(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Map<String, ?> schemes = openAPI.getComponents().getSecuritySchemes();
        return schemes == null || schemes.isEmpty() ? null : schemes.keySet().iterator().next();
    }

    /** RFC 9457, as runtime-kit's {@code Problem} serializes. */
    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema violation = OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .addProperty("field", text)
                .addProperty("message", text)
                .required(List.of("field", "message"));
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem detail; violations name each offending parameter or field")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri"))
                .addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32"))
                .addProperty("detail", text)
                .addProperty("instance", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri-reference"))
                .addProperty("correlationId", text)
                .addProperty("violations", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(violation))
                .required(List.of("type", "title", "status"));
    }
}
