package io.portage.order.rest;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.portage.kit.rest.CorrelationContext;
import io.portage.kit.rest.ProblemException;
import io.portage.order.config.OrderConfig;
import io.portage.order.domain.Customer;
import io.portage.order.domain.Order;
import io.portage.order.domain.OrderLine;
import io.portage.order.service.OrderService;
import io.portage.order.service.ReceiveOrder;
import io.smallrye.mutiny.Uni;

/**
 * Order webhooks from shops and marketplaces, at {@code /webhooks/shopify/{channel}} (Shopify's {@code orders/create}
 * payload, signed base64 HMAC-SHA256 in {@code X-Shopify-Hmac-Sha256}) and {@code /webhooks/marketplace/{channel}}
 * (hex HMAC-SHA256 in {@code X-Marketplace-Signature}), each with the channel's secret. The signature is checked on
 * the raw body before anything is read; the payload is mapped to the canonical order and taken in like any other, so a
 * redelivered webhook returns the order stored first.
 */
@Path("/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ShopWebhookResource {

    private final OrderService orders;
    private final OrderConfig config;
    private final CorrelationContext correlation;
    private final ObjectMapper json;
    private final Validator validator;

    public ShopWebhookResource(OrderService orders, OrderConfig config, CorrelationContext correlation,
            ObjectMapper json, Validator validator) {
        this.orders = orders;
        this.config = config;
        this.correlation = correlation;
        this.json = json;
        this.validator = validator;
    }

    @POST
    @Path("/shopify/{channel}")
    @Operation(summary = "Shopify orders/create webhook", description = "Verified with the channel's secret (X-Shopify-Hmac-Sha256); idempotent by the Shopify order id.")
    @APIResponse(responseCode = "201", description = "Order received", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "200", description = "Redelivery of an order already received", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "400", description = "Payload not an order (problem+json with the field path)")
    @APIResponse(responseCode = "401", description = "Missing or wrong signature")
    @APIResponse(responseCode = "404", description = "No such webhook channel")
    public Uni<Response> shopify(@PathParam("channel") String channel,
            @HeaderParam("X-Shopify-Hmac-Sha256") String signature, String body) throws JsonProcessingException {
        OrderConfig.Channel settings = channel(channel);
        verify(settings, body, signature, Base64.getDecoder()::decode, "X-Shopify-Hmac-Sha256");
        ShopifyOrder order = read(body, ShopifyOrder.class);
        ShopifyOrder.Address to = order.shipping_address();
        String name = to.name() != null && !to.name().isBlank()
                ? to.name()
                : String.join(" ", nonNull(to.first_name()), nonNull(to.last_name())).trim();
        if (name.isBlank()) {
            throw ProblemException.invalid("shipping_address.name", "a name or first_name/last_name is required");
        }
        fits(name, Customer.MAX_NAME, "shipping_address.last_name", "first_name and last_name");
        String street = street(to.address1(), to.address2(), "shipping_address.address2", "address1 and address2");
        return receive(channel, settings, String.valueOf(order.id()),
                new Customer(name, order.email(), street, to.city(), to.zip(), to.country_code()),
                order.line_items().stream().map(item -> new OrderLine.Item(item.sku(), item.quantity())).toList());
    }

    @POST
    @Path("/marketplace/{channel}")
    @Operation(summary = "Marketplace order notification", description = "Verified with the channel's secret (X-Marketplace-Signature, hex HMAC-SHA256); idempotent by marketplaceOrderId.")
    @APIResponse(responseCode = "201", description = "Order received", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "200", description = "Redelivery of an order already received", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "400", description = "Payload not an order (problem+json with the field path)")
    @APIResponse(responseCode = "401", description = "Missing or wrong signature")
    @APIResponse(responseCode = "404", description = "No such webhook channel")
    public Uni<Response> marketplace(@PathParam("channel") String channel,
            @HeaderParam("X-Marketplace-Signature") String signature, String body) throws JsonProcessingException {
        OrderConfig.Channel settings = channel(channel);
        verify(settings, body, signature, HexFormat.of()::parseHex, "X-Marketplace-Signature");
        MarketplaceOrder order = read(body, MarketplaceOrder.class);
        MarketplaceOrder.ShipTo to = order.shipTo();
        String street = street(to.addressLine1(), to.addressLine2(), "shipTo.addressLine2",
                "addressLine1 and addressLine2");
        return receive(channel, settings, order.marketplaceOrderId(),
                new Customer(to.name(), order.buyer().email(), street, to.city(), to.postalCode(), to.countryCode()),
                order.items().stream().map(item -> new OrderLine.Item(item.sellerSku(), item.quantityOrdered())).toList());
    }

    private Uni<Response> receive(String channel, OrderConfig.Channel settings, String externalId,
            Customer customer, java.util.List<OrderLine.Item> items) {
        ReceiveOrder command = new ReceiveOrder(channel, externalId, settings.partner().orElse(channel),
                settings.warehouse().orElse(config.defaultWarehouse()), customer, items, correlation.id());
        return orders.receive(channel, command).map(OrderView::response);
    }

    private OrderConfig.Channel channel(String channel) {
        OrderConfig.Channel settings = config.channels().get(channel);
        if (settings == null) {
            throw new ProblemException(404, "unknown-channel", "No such webhook channel",
                    "No webhook channel '" + channel + "' is configured (portage.orders.channels." + channel + ".*)");
        }
        return settings;
    }

    /** Decodes a signature header (base64 or hex) to bytes. */
    private interface Decoder {

        byte[] decode(String text);
    }

    private static void verify(OrderConfig.Channel settings, String body, String signature, Decoder decoder,
            String header) {
        if (signature == null || signature.isBlank()) {
            throw unauthorized(header + " is missing");
        }
        byte[] given;
        try {
            given = decoder.decode(signature.trim());
        } catch (IllegalArgumentException e) {
            throw unauthorized(header + " is not a well-formed signature");
        }
        byte[] expected = hmac(settings.webhookSecret(), body == null ? "" : body);
        if (!MessageDigest.isEqual(expected, given)) {
            throw unauthorized(header + " does not match the body: wrong secret, or the body was changed");
        }
    }

    private static byte[] hmac(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static ProblemException unauthorized(String detail) {
        return new ProblemException(401, "bad-signature", "Webhook signature refused", detail);
    }

    private <T> T read(String body, Class<T> type) throws JsonProcessingException {
        if (body == null || body.isBlank()) {
            throw ProblemException.invalid("body", "must not be empty");
        }
        T value;
        value = json.readValue(body, type);
        if (value == null) {
            throw ProblemException.invalid("body", "must be a JSON object");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return value;
    }

    /** The two address lines as the order's street, refused naming the second when together they do not fit. */
    private static String street(String line1, String line2, String field, String what) {
        String street = line2 == null || line2.isBlank() ? line1 : line1 + ", " + line2;
        fits(street, Customer.MAX_STREET, field, what);
        return street;
    }

    private static void fits(String joined, int max, String field, String what) {
        if (joined.length() > max) {
            throw ProblemException.invalid(field, what + " together are " + joined.length()
                    + " characters with the separator; an order holds at most " + max);
        }
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
