package io.portage.gateway.service;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.portage.gateway.client.AppointmentsApi;
import io.portage.gateway.client.CarrierInvoicesApi;
import io.portage.gateway.client.Downstream;
import io.portage.gateway.client.DownstreamUnavailableException;
import io.portage.gateway.client.Downstreams;
import io.portage.gateway.client.OrdersApi;
import io.portage.gateway.client.ShipmentsApi;
import io.portage.kit.rest.ProblemException;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Routes partners' calls (orders, shipments, appointments, carrier invoices) to the service serving the route group, through that
 * service's one client and guard, with the caller's own access token. Reads are retried, writes never behind the
 * partner's back (intake and booking are idempotent, so the partner may repeat them). Tenant isolation holds twice: the
 * service answers only the token's partner, and the gateway answers 404 for a record that names another partner.
 */
@ApplicationScoped
public class PartnerApiRouting {

    /** The route groups, as named in {@code portage.gateway.downstreams.<name>.routes}. */
    public static final String ORDERS = "orders";
    public static final String SHIPMENTS = "shipments";
    public static final String APPOINTMENTS = "appointments";
    public static final String CARRIER_INVOICES = "carrier-invoices";

    /** One call to a service's API with the caller's {@code Authorization} header. */
    @FunctionalInterface
    private interface Call<A> {

        Uni<Response> on(A api, String authorization);
    }

    private static final Duration FIRST_BACK_OFF = Duration.ofMillis(200);

    private final Downstreams downstreams;
    private final AccessTokenRelay relay;
    private final ObjectMapper json;

    public PartnerApiRouting(Downstreams downstreams, AccessTokenRelay relay, ObjectMapper json) {
        this.downstreams = downstreams;
        this.relay = relay;
        this.json = json;
    }

    @WithSpan("PartnerApiRouting.submitOrder")
    public Uni<Response> submitOrder(String body, String correlationId) {
        return write(ORDERS, OrdersApi.class, (orders, authorization) -> orders.receive(body, authorization, correlationId));
    }

    /** A change before release: order-service checks the partner (404 for another's order) and the If-Match. */
    @WithSpan("PartnerApiRouting.changeOrder")
    public Uni<Response> changeOrder(String id, String body, String ifMatch, String correlationId) {
        return write(ORDERS, OrdersApi.class,
                (orders, authorization) -> orders.change(id, body, ifMatch, authorization, correlationId));
    }

    @WithSpan("PartnerApiRouting.cancelOrder")
    public Uni<Response> cancelOrder(String id, String body, String correlationId) {
        return write(ORDERS, OrdersApi.class, (orders, authorization) -> orders.cancel(id, body, authorization, correlationId));
    }

    @WithSpan("PartnerApiRouting.readOrder")
    public Uni<Response> readOrder(Caller caller, String id, String correlationId) {
        return readOwn(ORDERS, OrdersApi.class, (orders, authorization) -> orders.get(id, authorization, correlationId),
                caller, "Order", id);
    }

    /**
     * Shipments found by order number, Odoo reference or tracking number when one is given and no {@code orderId};
     * else those of the order ({@code orderId} may be null: the latest). The service checks the partner.
     */
    public Uni<Response> findShipments(String orderId, String orderNumber, String odooRef, String trackingNumber,
            int limit, String correlationId) {
        if (orderId == null && (orderNumber != null || odooRef != null || trackingNumber != null)) {
            return searchShipments(orderNumber, odooRef, trackingNumber, limit, correlationId);
        }
        return listShipments(orderId, limit, correlationId);
    }

    /** Those of one of the partner's orders ({@code orderId} may be null: its latest). */
    @WithSpan("PartnerApiRouting.listShipments")
    public Uni<Response> listShipments(String orderId, int limit, String correlationId) {
        return read(SHIPMENTS, ShipmentsApi.class,
                (shipments, authorization) -> shipments.list(orderId, limit, authorization, correlationId));
    }

    /** What of one of the partner's shipments a read asks for. */
    public enum ShipmentPart {
        TIMELINE, TRACKING, RETURNS
    }

    /** What a write does to one of the partner's shipments. */
    public enum ShipmentAction {
        RATES, LABEL, VOID_LABEL, DISPATCH, OPEN_RETURN
    }

    /** What a write does to one of a shipment's returns. */
    public enum ReturnAction {
        LABEL, RECEIPT
    }

    /** The partner's shipments found by order number, Odoo reference or tracking number; the service checks the partner. */
    @WithSpan("PartnerApiRouting.searchShipments")
    public Uni<Response> searchShipments(String orderNumber, String odooRef, String trackingNumber, int limit,
            String correlationId) {
        return read(SHIPMENTS, ShipmentsApi.class, (shipments, authorization) -> shipments.search(orderNumber, odooRef,
                trackingNumber, limit, authorization, correlationId));
    }

    /** A part of one of the partner's shipments; the service answers 404 for another's. */
    @WithSpan("PartnerApiRouting.readShipmentPart")
    public Uni<Response> readShipmentPart(String id, ShipmentPart part, String correlationId) {
        return read(SHIPMENTS, ShipmentsApi.class, (shipments, authorization) -> switch (part) {
            case TIMELINE -> shipments.timeline(id, authorization, correlationId);
            case TRACKING -> shipments.tracking(id, authorization, correlationId);
            case RETURNS -> shipments.returns(id, authorization, correlationId);
        });
    }

    /** A proof-of-delivery image of one of the partner's shipments, relayed as bytes; the service checks the partner. */
    @WithSpan("PartnerApiRouting.readProofOfDelivery")
    public Uni<Response> readProofOfDelivery(String id, String kind, String correlationId) {
        Downstream downstream = downstream(SHIPMENTS);
        String authorization = relay.authorization();
        return relayedAs(SHIPMENTS, downstream,
                retried(() -> downstream.call(ShipmentsApi.class,
                        shipments -> shipments.proofOfDelivery(id, kind, authorization, correlationId)),
                        downstream.readRetries(), FIRST_BACK_OFF),
                Relayed::document);
    }

    /** A write on one of the partner's shipments; the service checks the partner. */
    @WithSpan("PartnerApiRouting.writeShipment")
    public Uni<Response> writeShipment(String id, ShipmentAction action, String body, String correlationId) {
        return write(SHIPMENTS, ShipmentsApi.class, (shipments, authorization) -> switch (action) {
            case RATES -> shipments.rates(id, body, authorization, correlationId);
            case LABEL -> shipments.label(id, body, authorization, correlationId);
            case VOID_LABEL -> shipments.voidLabel(id, authorization, correlationId);
            case DISPATCH -> shipments.dispatch(id, body, authorization, correlationId);
            case OPEN_RETURN -> shipments.openReturn(id, body, authorization, correlationId);
        });
    }

    /** A write on a return of one of the partner's shipments; the service checks the partner. */
    @WithSpan("PartnerApiRouting.writeReturn")
    public Uni<Response> writeReturn(String id, String returnId, ReturnAction action, String body, String correlationId) {
        return write(SHIPMENTS, ShipmentsApi.class, (shipments, authorization) -> switch (action) {
            case LABEL -> shipments.returnLabel(id, returnId, body, authorization, correlationId);
            case RECEIPT -> shipments.returnReceipt(id, returnId, body, authorization, correlationId);
        });
    }

    @WithSpan("PartnerApiRouting.readShipment")
    public Uni<Response> readShipment(Caller caller, String id, String correlationId) {
        return readOwn(SHIPMENTS, ShipmentsApi.class,
                (shipments, authorization) -> shipments.get(id, authorization, correlationId), caller, "Shipment", id);
    }

    /** A carrier's invoice for the audit; finance-service takes the carrier from the token and answers a repeat as before. */
    @WithSpan("PartnerApiRouting.sendCarrierInvoice")
    public Uni<Response> sendCarrierInvoice(String body, String correlationId) {
        return write(CARRIER_INVOICES, CarrierInvoicesApi.class,
                (invoices, authorization) -> invoices.send(body, authorization, correlationId));
    }

    @WithSpan("PartnerApiRouting.bookAppointment")
    public Uni<Response> bookAppointment(String body, String correlationId) {
        return write(APPOINTMENTS, AppointmentsApi.class,
                (appointments, authorization) -> appointments.book(body, authorization, correlationId));
    }

    @WithSpan("PartnerApiRouting.rescheduleAppointment")
    public Uni<Response> rescheduleAppointment(String id, String body, String correlationId) {
        return write(APPOINTMENTS, AppointmentsApi.class,
                (appointments, authorization) -> appointments.reschedule(id, body, authorization, correlationId));
    }

    @WithSpan("PartnerApiRouting.reportArrivalEstimate")
    public Uni<Response> reportArrivalEstimate(String id, String body, String correlationId) {
        return write(APPOINTMENTS, AppointmentsApi.class,
                (appointments, authorization) -> appointments.eta(id, body, authorization, correlationId));
    }

    @WithSpan("PartnerApiRouting.cancelAppointment")
    public Uni<Response> cancelAppointment(String id, String body, String correlationId) {
        return write(APPOINTMENTS, AppointmentsApi.class,
                (appointments, authorization) -> appointments.cancel(id, body, authorization, correlationId));
    }

    @WithSpan("PartnerApiRouting.appointmentsOnDay")
    public Uni<Response> appointmentsOnDay(String site, String date, String correlationId) {
        return read(APPOINTMENTS, AppointmentsApi.class,
                (appointments, authorization) -> appointments.onDay(site, date, authorization, correlationId));
    }

    @WithSpan("PartnerApiRouting.readAppointment")
    public Uni<Response> readAppointment(Caller caller, String id, String correlationId) {
        return readOwn(APPOINTMENTS, AppointmentsApi.class,
                (appointments, authorization) -> appointments.get(id, authorization, correlationId), caller,
                "Appointment", id);
    }

    /**
     * One of the partner's records in a route group ({@link #ORDERS}, {@link #SHIPMENTS} or {@link #APPOINTMENTS}),
     * for a caller whose {@code Authorization} header is already in hand: what the {@code read*} methods do, without the
     * request scope. No span of its own: the busiest call has the server's span and the relayed call's client span.
     */
    public Uni<Response> readRecord(String group, Caller caller, String authorization, String id, String correlationId) {
        return switch (group) {
            case ORDERS -> readOwn(group, OrdersApi.class, (orders, auth) -> orders.get(id, auth, correlationId), caller,
                    "Order", id, authorization);
            case SHIPMENTS -> readOwn(group, ShipmentsApi.class,
                    (shipments, auth) -> shipments.get(id, auth, correlationId), caller, "Shipment", id, authorization);
            case APPOINTMENTS -> readOwn(group, AppointmentsApi.class,
                    (appointments, auth) -> appointments.get(id, auth, correlationId), caller, "Appointment", id,
                    authorization);
            default -> throw new IllegalArgumentException("No record reads for " + group);
        };
    }

    /** A read, tried again after a failure (not after a 4xx). */
    private <A> Uni<Response> read(String group, Class<A> api, Call<A> call) {
        return read(group, api, call, relay.authorization(), UnaryOperator.identity());
    }

    /** One record; another partner's answers 404 (its existence is not revealed), even if the service let it through. */
    private <A> Uni<Response> readOwn(String group, Class<A> api, Call<A> call, Caller caller, String what, String id) {
        return readOwn(group, api, call, caller, what, id, relay.authorization());
    }

    private <A> Uni<Response> readOwn(String group, Class<A> api, Call<A> call, Caller caller, String what, String id,
            String authorization) {
        return read(group, api, call, authorization, relayed -> {
            if (relayed.getStatus() == 200 && !caller.partnerId().equals(partnerOf(group, relayed))) {
                throw ProblemException.notFound(what, id);
            }
            return relayed;
        });
    }

    /** A submission, change or booking: called once; the partner repeats it if it must. */
    private <A> Uni<Response> write(String group, Class<A> api, Call<A> call) {
        Downstream downstream = downstream(group);
        String authorization = relay.authorization();
        return relayed(group, downstream, downstream.call(api, client -> call.on(client, authorization)),
                UnaryOperator.identity());
    }

    private <A> Uni<Response> read(String group, Class<A> api, Call<A> call, String authorization,
            UnaryOperator<Response> check) {
        Downstream downstream = downstream(group);
        return relayed(group, downstream,
                retried(() -> downstream.call(api, client -> call.on(client, authorization)), downstream.readRetries(),
                        FIRST_BACK_OFF),
                check);
    }

    /**
     * The call, made again after an unavailable service up to {@code retries} times, waiting {@code backOff} (doubled
     * each time, with up to half of it as jitter). Nothing is set up for a retry until a call has failed: reads are the
     * gateway's busiest path.
     */
    private static Uni<Response> retried(Supplier<Uni<Response>> call, int retries, Duration backOff) {
        return call.get().onFailure(DownstreamUnavailableException.class).recoverWithUni(failure -> {
            if (retries <= 0) {
                return Uni.createFrom().failure(failure);
            }
            long jitter = ThreadLocalRandom.current().nextLong(backOff.toMillis() / 2 + 1);
            return Uni.createFrom()
                    .voidItem()
                    .onItem()
                    .delayIt()
                    .by(backOff.plusMillis(jitter))
                    .chain(() -> retried(call, retries - 1, backOff.multipliedBy(2)));
        });
    }

    private Downstream downstream(String group) {
        return downstreams.serving(group)
                .orElseThrow(() -> new ProblemException(503, "service-unavailable", "Service unavailable",
                        "No service for " + group + " is configured behind this gateway"));
    }

    private static Uni<Response> relayed(String group, Downstream downstream, Uni<Response> call,
            UnaryOperator<Response> check) {
        return relayedAs(group, downstream, call, relayed -> check.apply(Relayed.of(relayed)));
    }

    /** The call's answer as {@code relay} makes it, or a 503 problem when the service cannot be reached. */
    private static Uni<Response> relayedAs(String group, Downstream downstream, Uni<Response> call,
            Function<Response, Response> relay) {
        return call.map(relay)
                .onFailure(failure -> !(failure instanceof ProblemException))
                .transform(failure -> {
                    Log.warnf("%s unavailable: %s", downstream.name(), failure.toString());
                    return new ProblemException(503, "service-unavailable", "Service unavailable", ORDERS.equals(group)
                            ? "Orders could not be reached or did not answer in time, so the order may or may not be stored. Submitting the same order again is safe: intake is idempotent by channel and externalId."
                            : downstream.name()
                                    + " could not be reached or did not answer in time; try again (bookings are idempotent)");
                });
    }

    /** The record's top-level {@code partnerId}, read without building the whole tree. */
    private String partnerOf(String group, Response response) {
        try (JsonParser parser = json.getFactory().createParser((String) response.getEntity())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("partnerId".equals(field)) {
                    return value == JsonToken.VALUE_STRING ? parser.getText() : null;
                }
                parser.skipChildren();
            }
            return null;
        } catch (IOException e) {
            throw new DownstreamUnavailableException(group + " answered unreadable JSON");
        }
    }
}
