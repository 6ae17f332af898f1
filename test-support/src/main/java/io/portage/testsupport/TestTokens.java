package io.portage.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.RestAssured;

/**
 * Signs RS256 access tokens the way Keycloak's portage realm shapes them, with the test key every service's test
 * profile trusts ({@code %test.quarkus.oidc.public-key}, issuer {@value #ISSUER}, audience {@code portage-api}).
 */
public final class TestTokens {

    public static final String ISSUER = "https://keycloak.test/realms/portage";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PrivateKey TRUSTED = load();

    private final Map<String, Object> claims = new LinkedHashMap<>();
    private PrivateKey key = TRUSTED;

    private TestTokens(String partnerId, String scope) {
        Instant now = Instant.now();
        claims.put("iss", ISSUER);
        claims.put("aud", "portage-api");
        claims.put("sub", "service-account-" + partnerId);
        claims.put("azp", partnerId + "-client");
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(Duration.ofMinutes(30)).getEpochSecond());
        claims.put("scope", scope);
        claims.put("partner_id", partnerId);
    }

    /** A partner's client-credentials token: its {@code partner_id} claim and the scopes granted. */
    public static TestTokens partner(String partnerId, String scope) {
        return new TestTokens(partnerId, scope);
    }

    /** Every scope a partner can be granted, for tests that are not about scopes. */
    public static final String PARTNER_SCOPES = "orders:read orders:write shipments:read shipments:write tracking:write inventory:write "
            + "appointments:read appointments:write invoices:write webhooks:manage events:write";

    /** A signed token of {@code partnerId} with every partner scope. */
    public static String partner(String partnerId) {
        return partner(partnerId, PARTNER_SCOPES).sign();
    }

    /**
     * Makes every following request of this test JVM carry an operator's token unless it names its own ({@code
     * .auth().oauth2(...)}) or none ({@code .auth().none()}): for tests of behaviour that is not about who calls.
     */
    public static void actAsOperator(String name) {
        RestAssured.authentication = RestAssured.oauth2(ops(name));
    }

    /** An operator's token (realm role {@code ops}, no partner), named by {@code preferred_username}. */
    public static TestTokens operator(String name) {
        return new TestTokens("portage", "ops")
                .claim("partner_id", null)
                .claim("azp", "portage-console")
                .claim("sub", name)
                .claim("preferred_username", name)
                .claim("realm_access", Map.of("roles", List.of("ops")));
    }

    /**
     * A signed token of a person who is not an operator, as the console's client gets it: realm {@code roles} (e.g.
     * finance, warehouse), no partner, the console's default scopes.
     */
    public static String person(String name, String... roles) {
        return operator(name).claim("realm_access", Map.of("roles", List.of(roles))).sign();
    }

    /** A signed operator token, ready for {@code Authorization: Bearer}. */
    public static String ops(String name) {
        return operator(name).sign();
    }

    public TestTokens claim(String name, Object value) {
        if (value == null) {
            claims.remove(name);
        } else {
            claims.put(name, value);
        }
        return this;
    }

    public TestTokens expiredMinutesAgo(int minutes) {
        Instant expired = Instant.now().minus(Duration.ofMinutes(minutes));
        claims.put("iat", expired.minus(Duration.ofMinutes(5)).getEpochSecond());
        return claim("exp", expired.getEpochSecond());
    }

    public TestTokens signedByAStranger() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            key = generator.generateKeyPair().getPrivate();
            return this;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String sign() {
        try {
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            String header = b64.encodeToString(JSON.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT", "kid", "test")));
            String payload = b64.encodeToString(JSON.writeValueAsBytes(claims));
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key);
            rs256.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + b64.encodeToString(rs256.sign());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey load() {
        try (InputStream in = TestTokens.class.getResourceAsStream("/portage-test-signing-key.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "")
                    .replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("portage-test-signing-key.pem is unreadable", e);
        }
    }
}
