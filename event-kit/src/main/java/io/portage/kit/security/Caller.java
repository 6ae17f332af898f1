package io.portage.kit.security;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.portage.kit.rest.ProblemException;

/**
 * Who is calling, as the verified access token says (Keycloak's claims): the person or client ({@code
 * preferred_username}, else {@code azp}), the OAuth client, the partner (tenant) it acts for, its realm roles and
 * granted scopes. An operator (realm role {@value #OPS_ROLE}) acts across partners; anyone else is a partner and
 * sees only its own data. Never read from a header the caller sets.
 */
public record Caller(String name, String clientId, String partnerId, Set<String> roles, Set<String> scopes) {

    public static final String OPS_ROLE = "ops";
    /**
     * The realm roles that own exception items and may settle them (event-kit's HTTP policy {@code exception-owners}
     * names the same): operators every item, the others their own.
     */
    public static final Set<String> EXCEPTION_OWNERS = Set.of(OPS_ROLE, "finance", "warehouse");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,100}");
    private static final Pattern PARTNER_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** The caller of a verified token; {@code partnerClaim} names the claim Keycloak puts the partner in. */
    public static Caller of(JsonWebToken token, String partnerClaim) {
        String name = text(token, "preferred_username");
        String clientId = text(token, "azp");
        String partner = text(token, partnerClaim);
        Set<String> roles = new LinkedHashSet<>();
        if (token.getClaim("realm_access") instanceof JsonObject access && access.get("roles") instanceof JsonArray granted) {
            granted.getValuesAs(JsonString.class).forEach(role -> roles.add(role.getString()));
        }
        String scope = text(token, "scope");
        Set<String> scopes = new LinkedHashSet<>(Arrays.asList(SPACES.split((scope == null ? "" : scope).trim())));
        scopes.remove("");
        return new Caller(name == null ? clientId : name, clientId,
                partner != null && PARTNER_ID.matcher(partner).matches() ? partner : null, Set.copyOf(roles),
                Set.copyOf(scopes));
    }

    public boolean operator() {
        return roles.contains(OPS_ROLE);
    }

    /** The partner whose data this call may touch: empty for an operator, who acts for every partner. */
    public Optional<String> tenant() {
        return operator() ? Optional.empty() : Optional.of(partnerId());
    }

    /** The partner this call acts for: its own for a partner, {@code operatorChoice} for an operator. */
    public String actingFor(String operatorChoice) {
        return operator() ? operatorChoice : partnerId();
    }

    /** A partner needs {@code scope}; an operator passes. 403 otherwise. */
    public Caller requireScope(String scope) {
        if (!operator() && !scopes.contains(scope)) {
            throw forbidden("This call needs the '" + scope + "' scope; the token grants " + scopes);
        }
        return this;
    }

    /** Only an operator (realm role {@value #OPS_ROLE}) may make this call; 403 otherwise. */
    public Caller requireOperator() {
        if (!operator()) {
            throw forbidden("This call is for operators (realm role '" + OPS_ROLE + "')");
        }
        return this;
    }

    /**
     * Whether this caller may see and settle exception items owned by {@code ownerRole}: an operator every item, a
     * person those of a realm role they hold (finance its disputes, warehouse its receipts and appointments).
     */
    public boolean owns(String ownerRole) {
        return operator() || roles.contains(ownerRole);
    }

    /** Only an operator or a holder of {@code ownerRole} may act on an item that role owns; 403 otherwise. */
    public Caller requireOwner(String ownerRole) {
        if (!owns(ownerRole)) {
            throw forbidden("This exception item is owned by '" + ownerRole + "'; the token has roles " + roles);
        }
        return this;
    }

    /** The name written into audit records and change events. */
    public String actor() {
        return name;
    }

    /** A token that names neither an operator nor a partner is refused. */
    Caller requireIdentity(String partnerClaim) {
        requireName();
        if (!operator() && partnerId == null) {
            throw forbidden("The token names no partner (claim '" + partnerClaim + "') and is not an operator's");
        }
        return this;
    }

    /** A token that names no caller is refused. */
    Caller requireName() {
        if (name == null || !NAME.matcher(name).matches()) {
            throw forbidden("The token names no caller (claim preferred_username or azp)");
        }
        return this;
    }

    static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail);
    }

    private static String text(JsonWebToken token, String claim) {
        Object value = token.getClaim(claim);
        if (value == null) {
            return null;
        }
        String text = value instanceof JsonString json ? json.getString() : value.toString();
        return text.isBlank() ? null : text;
    }
}
