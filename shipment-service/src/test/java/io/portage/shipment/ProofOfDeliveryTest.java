package io.portage.shipment;

import static io.portage.shipment.LabelTest.TWO_PARCELS;
import static io.portage.shipment.LabelTest.plannedShipment;
import static io.portage.shipment.OrderEventsConsumerTest.awaitShipmentEvent;
import static io.portage.shipment.TrackingTest.detail;
import static io.portage.shipment.TrackingTest.dispatched;
import static io.portage.shipment.TrackingTest.today;
import static io.portage.shipment.TrackingTest.trackerUpdated;
import static io.portage.shipment.TrackingTest.trackingOf;
import static io.portage.shipment.TrackingTest.webhook;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.portage.contracts.EventCatalog;
import io.portage.shipment.carriers.CarrierStandins;
import io.portage.testsupport.PortageStackResource;
import io.portage.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Proof of delivery with its images: a parcel carrier's delivery brings the signature and a photo (Karrio's tracker
 * {@code images}); they are kept, linked from the proof-of-delivery event and the tracking view, and served as sent; a
 * photo sent later replaces the first; an image that is not one is left out without losing the delivery.
 */
@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "shipments"))
@QuarkusTestResource(CarrierStandins.class)
class ProofOfDeliveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "parcelco-webhook-secret";
    /** The first bytes of a PNG, then anything: enough for its type to be read from it. */
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3, 4};
    private static final byte[] PHOTO = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 5, 6, 7, 8};
    private static final byte[] SECOND_PHOTO = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, 9, 9, 9};

    @BeforeEach
    void operatorAndPromptCarriers() {
        TestTokens.actAsOperator("test-operator");
        CarrierStandins.reset();
    }

    /** A tracker.updated event delivered and signed, with these images (base64 strings, as the carrier sends them). */
    private static String deliveredWith(String number, String signature, String photo) throws Exception {
        ObjectNode event = (ObjectNode) JSON.readTree(trackerUpdated(number, List.of(detail("in_transit", today("00:10:00")),
                detail("delivered", today("00:40:00"))), "J. Jansen"));
        ObjectNode images = ((ObjectNode) event.path("result")).putObject("images");
        if (signature != null) {
            images.put("signature_image", signature);
        }
        if (photo != null) {
            images.put("delivery_image", photo);
        }
        return JSON.writeValueAsString(event);
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Test
    void theCarriersImagesAreKeptLinkedAndServedAsSent() throws Exception {
        String id = plannedShipment();
        String number = dispatched(id, TWO_PARCELS);

        webhook("parcelco", deliveredWith(number, base64(SIGNATURE), "data:image/jpeg;base64," + base64(PHOTO)), SECRET)
                .statusCode(200)
                .body("applied", equalTo(2));

        var proof = awaitShipmentEvent(id, EventCatalog.PROOF_OF_DELIVERY_RECEIVED_V1);
        assertThat(proof.value()).contains("\"proofType\":\"SIGNATURE\"")
                .contains("\"signedBy\":\"J. Jansen\"")
                .contains("\"documentUri\":\"https://api.portage.test/api/v1/shipments/" + id
                        + "/proof-of-delivery/signature\"");
        trackingOf(id).body("[0].status", equalTo("DELIVERED"))
                .body("[0].proofOfDelivery", hasSize(2))
                .body("[0].proofOfDelivery.kind", containsInAnyOrder("signature", "delivery-photo"))
                .body("[0].proofOfDelivery.contentType", containsInAnyOrder("image/png", "image/jpeg"))
                .body("[0].proofOfDelivery.uri", containsInAnyOrder(
                        "/api/v1/shipments/" + id + "/proof-of-delivery/signature",
                        "/api/v1/shipments/" + id + "/proof-of-delivery/delivery-photo"));

        byte[] signature = given().when()
                .get("/api/v1/shipments/" + id + "/proof-of-delivery/signature")
                .then()
                .statusCode(200)
                .contentType("image/png")
                .header("X-Content-Type-Options", "nosniff")
                .extract()
                .asByteArray();
        assertThat(signature).isEqualTo(SIGNATURE);
        assertThat(given().when()
                .get("/api/v1/shipments/" + id + "/proof-of-delivery/delivery-photo")
                .then()
                .statusCode(200)
                .contentType("image/jpeg")
                .extract()
                .asByteArray()).isEqualTo(PHOTO);

        // The carrier sends the tracker again with a better photo: the scans are duplicates, the photo replaces the first.
        webhook("parcelco", deliveredWith(number, base64(SIGNATURE), base64(SECOND_PHOTO)), SECRET).statusCode(200)
                .body("applied", equalTo(0));
        assertThat(given().when()
                .get("/api/v1/shipments/" + id + "/proof-of-delivery/delivery-photo")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray()).isEqualTo(SECOND_PHOTO);

        given().when()
                .get("/api/v1/shipments/" + id + "/proof-of-delivery/selfie")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("kind"));
    }

    @Test
    void anImageThatIsNotOneIsLeftOutAndTheDeliveryStands() throws Exception {
        String id = plannedShipment();
        String number = dispatched(id, TWO_PARCELS);

        webhook("parcelco", deliveredWith(number, "not base64 at all!", base64("plain text".getBytes())), SECRET)
                .statusCode(200)
                .body("applied", equalTo(2));

        trackingOf(id).body("[0].status", equalTo("DELIVERED")).body("[0].proofOfDelivery", hasSize(0));
        var proof = awaitShipmentEvent(id, EventCatalog.PROOF_OF_DELIVERY_RECEIVED_V1);
        assertThat(proof.value()).doesNotContain("/proof-of-delivery/");
        given().when()
                .get("/api/v1/shipments/" + id + "/proof-of-delivery/signature")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }
}
