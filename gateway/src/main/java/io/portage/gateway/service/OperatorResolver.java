package io.portage.gateway.service;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.ForbiddenException;

import org.eclipse.microprofile.jwt.JsonWebToken;

/** Reads the {@link Operator} from the request's verified access token (Keycloak's claims). */
@RequestScoped
public class OperatorResolver {

    private static final String NAME = "[A-Za-z0-9._@-]{1,100}";

    private final JsonWebToken token;

    public OperatorResolver(JsonWebToken token) {
        this.token = token;
    }

    public Operator operator() {
        String name = text("preferred_username");
        if (name == null) {
            name = text("azp");
        }
        if (name == null || !name.matches(NAME)) {
            throw new ForbiddenException("The token names no operator (claim preferred_username or azp)");
        }
        Set<String> roles = new LinkedHashSet<>();
        Object realmAccess = token.getClaim("realm_access");
        if (realmAccess instanceof JsonObject access && access.get("roles") instanceof JsonArray granted) {
            granted.getValuesAs(JsonString.class).forEach(role -> roles.add(role.getString()));
        }
        String scope = text("scope");
        Set<String> scopes = new LinkedHashSet<>(Arrays.asList((scope == null ? "" : scope).trim().split("\\s+")));
        scopes.remove("");
        return new Operator(name, Set.copyOf(roles), Set.copyOf(scopes));
    }

    private String text(String claim) {
        Object value = token.getClaim(claim);
        return value == null ? null : value.toString().replace("\"", "");
    }
}
