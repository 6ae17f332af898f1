package io.portage.shipment.client;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import io.portage.shipment.config.CarrierConfig;
import io.portage.shipment.domain.carrier.Carrier;
import io.portage.shipment.domain.carrier.CarrierException;
import io.portage.shipment.domain.carrier.Label;
import io.portage.shipment.domain.carrier.Rate;
import io.portage.shipment.domain.carrier.RateRequest;
import io.portage.shipment.domain.carrier.TrackingScan;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * A legacy freight (LTL) carrier speaking XML over HTTP, without webhooks: quotes ({@code POST /xml/rate}), a bill of
 * lading booked against a quote gives the PRO number that tracks every piece ({@code POST /xml/bol}), cancelled by
 * PRO ({@code POST /xml/bol/{pro}/cancel}), and the trace polled by PRO ({@code GET /xml/trace?pro=}) with EDI 214
 * status codes. It reports errors as {@code <Error><Code/><Message/></Error>}, sometimes with HTTP 200.
 */
final class FreightCarrier implements Carrier {

    private final String code;
    private final WebClient web;
    private final CarrierConfig.Carrier config;
    private final CarrierHttp http;

    FreightCarrier(String code, CarrierConfig.Carrier config, WebClient web) {
        this.code = code;
        this.config = config;
        this.web = web;
        this.http = new CarrierHttp(code, config);
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public boolean pushesTracking() {
        return false;
    }

    @Override
    public Uni<List<Rate>> rates(RateRequest request) {
        RateRequest.Destination to = request.destination();
        String body = "<RateRequest>" + element("Account", config.apiKey().orElse("")) + element("Origin", request.origin())
                + element("DestPostalCode", to.postalCode()) + element("DestCountry", to.country())
                + element("Pieces", Integer.toString(request.parcels().size()))
                + element("WeightKg", request.totalWeightKg().toPlainString())
                + element("ServiceLevel", request.serviceLevel().name()) + "</RateRequest>";
        return http.send(true, () -> post("/xml/rate", body), this::error).map(response -> {
            Document answer = answer(response);
            List<Rate> rates = new ArrayList<>();
            for (Element quote : children(answer.getDocumentElement(), "Quote")) {
                Element charge = child(quote, "TotalCharge");
                rates.add(new Rate(code, text(quote, "Service"), new BigDecimal(charge.getTextContent().trim()),
                        charge.getAttribute("currency"), Integer.parseInt(text(quote, "TransitDays")),
                        text(quote, "QuoteNumber")));
            }
            return rates;
        });
    }

    @Override
    public Uni<Label> buy(RateRequest request, Rate rate) {
        RateRequest.Destination to = request.destination();
        String body = "<BillOfLading>" + element("Account", config.apiKey().orElse("")) + element("QuoteNumber",
                rate.carrierRef()) + element("Reference", request.shipmentId().toString())
                + element("ConsigneeName", to.name()) + element("ConsigneeStreet", to.street())
                + element("ConsigneeCity", to.city()) + element("ConsigneePostalCode", to.postalCode())
                + element("ConsigneeCountry", to.country()) + element("Pieces", Integer.toString(request.parcels().size()))
                + element("WeightKg", request.totalWeightKg().toPlainString()) + "</BillOfLading>";
        return http.send(false, () -> post("/xml/bol", body), this::error).map(response -> {
            Element bol = answer(response).getDocumentElement();
            String pro = text(bol, "ProNumber");
            return new Label(code, rate.service(), pro, Collections.nCopies(request.parcels().size(), pro), rate.amount(),
                    rate.currency(), pro, text(bol, "LabelUrl"), "PDF");
        });
    }

    @Override
    public Uni<Void> voidLabel(Label label) {
        return http.send(false, () -> post("/xml/bol/" + label.carrierRef() + "/cancel", "<CancelRequest>"
                + element("Account", config.apiKey().orElse("")) + "</CancelRequest>"), this::error)
                .map(response -> {
                    String status = text(answer(response).getDocumentElement(), "Status");
                    if (!"CANCELLED".equals(status)) {
                        throw new CarrierException(code, CarrierException.Kind.REFUSED, "cancel-" + status,
                                "bill of lading " + label.carrierRef() + " not cancelled: " + status);
                    }
                    return null;
                })
                .replaceWithVoid();
    }

    @Override
    public Uni<List<TrackingScan>> track(String trackingNumber) {
        return http.send(true, () -> web.getAbs(config.url() + "/xml/trace")
                .addQueryParam("pro", trackingNumber)
                .putHeader("X-Account", config.apiKey().orElse(""))
                .send(), this::error).map(response -> {
                    List<TrackingScan> scans = new ArrayList<>();
                    for (Element event : children(answer(response).getDocumentElement(), "Event")) {
                        scans.add(new TrackingScan(text(event, "Code"), text(event, "Description"),
                                Instant.parse(text(event, "Date")), text(event, "City"), text(event, "Country"), null));
                    }
                    return scans;
                });
    }

    private Uni<HttpResponse<Buffer>> post(String path, String xml) {
        return web.postAbs(config.url() + path)
                .putHeader("Content-Type", "application/xml")
                .putHeader("X-Account", config.apiKey().orElse(""))
                .sendBuffer(Buffer.buffer(xml));
    }

    /** A 2xx answer, unless it holds the carrier's {@code <Error>} (a refusal, whatever the status said). */
    private Document answer(HttpResponse<Buffer> response) {
        Document document = parse(response);
        Element error = child(document.getDocumentElement(), "Error");
        if (error != null || "Error".equals(document.getDocumentElement().getTagName())) {
            Element holder = error != null ? error : document.getDocumentElement();
            throw new CarrierException(code, CarrierException.Kind.REFUSED, text(holder, "Code"), text(holder, "Message"));
        }
        return document;
    }

    private CarrierException error(HttpResponse<Buffer> response) {
        CarrierException.Kind kind = CarrierHttp.kindOf(response.statusCode());
        try {
            Element root = parse(response).getDocumentElement();
            Element error = "Error".equals(root.getTagName()) ? root : child(root, "Error");
            if (error != null) {
                return new CarrierException(code, kind, text(error, "Code"), text(error, "Message"));
            }
        } catch (CarrierException notXml) {
            // The status line is all the carrier said.
        }
        return new CarrierException(code, kind, "HTTP_" + response.statusCode(), response.statusMessage());
    }

    /** Parses the carrier's XML with DTDs and external entities refused (no XXE from a carrier's answer). */
    private Document parse(HttpResponse<Buffer> response) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            byte[] body = response.body() == null ? new byte[0] : response.body().getBytes();
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
        } catch (Exception e) {
            throw new CarrierException(code, CarrierException.Kind.UNAVAILABLE, "unreadable-answer",
                    "HTTP " + response.statusCode() + " with a body that is not XML");
        }
    }

    private static String element(String name, String value) {
        String escaped = value == null ? "" : value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return "<" + name + ">" + escaped + "</" + name + ">";
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE && name.equals(nodes.item(i).getNodeName())) {
                found.add((Element) nodes.item(i));
            }
        }
        return found;
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static String text(Element parent, String name) {
        Element child = child(parent, name);
        return child == null ? null : child.getTextContent().trim();
    }
}
