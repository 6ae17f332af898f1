package io.portage.shipment.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A return of (part of) a dispatched shipment: initiated with a reason and lines, then received with their condition. */
@Entity
@Table(name = "shipment_return")
public class ShipmentReturn {

    /** A SKU and a positive quantity coming back. */
    public record Line(String sku, BigDecimal quantity) {
    }

    /** A SKU, the quantity that arrived and its condition ({@code RESELLABLE}, {@code DAMAGED}, {@code SCRAP}). */
    public record ReceivedLine(String sku, BigDecimal quantity, String condition) {
    }

    @Id
    private UUID id;
    @Column(name = "shipment_id")
    private UUID shipmentId;
    @Column(name = "reason_code")
    private String reasonCode;
    private String status;
    @Column(name = "initiated_by")
    private String initiatedBy;
    private String lines;
    @Column(name = "initiated_at")
    private Instant initiatedAt;
    private String site;
    @Column(name = "received_lines")
    private String receivedLines;
    @Column(name = "received_at")
    private Instant receivedAt;
    @Column(name = "label_carrier")
    private String labelCarrier;
    @Column(name = "label_tracking_number")
    private String labelTrackingNumber;
    @Column(name = "label_url")
    private String labelUrl;
    @Column(name = "label_amount")
    private BigDecimal labelAmount;
    @Column(name = "label_currency")
    private String labelCurrency;
    @Column(name = "labelled_at")
    private Instant labelledAt;
    @Version
    private long version;

    /** The return label bought for the goods to come back with: carrier, tracking number, document, cost, when. */
    public record ReturnLabel(String carrier, String trackingNumber, String labelUrl, BigDecimal amount, String currency,
            Instant labelledAt) {
    }

    /** Records the return label; a return has one, and takes it only before the goods arrived. */
    public void labelled(ReturnLabel label) {
        if (labelCarrier != null || receivedAt != null) {
            throw new ReturnRefusedException("returnId", "return " + id + (receivedAt != null
                    ? " was received already"
                    : " has its label already"));
        }
        labelCarrier = label.carrier();
        labelTrackingNumber = label.trackingNumber();
        labelUrl = label.labelUrl();
        labelAmount = label.amount();
        labelCurrency = label.currency();
        labelledAt = label.labelledAt();
    }

    /** Its return label, or null. */
    public ReturnLabel label() {
        return labelCarrier == null
                ? null
                : new ReturnLabel(labelCarrier, labelTrackingNumber, labelUrl, labelAmount, labelCurrency, labelledAt);
    }

    protected ShipmentReturn() {
    }

    /** Opens a return of a shipment that left; each SKU once. */
    public static ShipmentReturn initiate(Shipment shipment, String reasonCode, List<Line> lines, String actor, Instant now) {
        if (shipment.status() != ShipmentStatus.DISPATCHED) {
            throw new ShipmentStateException(shipment.id(), shipment.status(), "take a return");
        }
        Map<String, BigDecimal> bySku = new LinkedHashMap<>();
        for (Line line : lines) {
            if (bySku.put(line.sku(), line.quantity()) != null) {
                throw new ReturnRefusedException("lines", "SKU " + line.sku() + " is listed twice");
            }
        }
        ShipmentReturn opened = new ShipmentReturn();
        opened.id = UUID.randomUUID();
        opened.shipmentId = shipment.id();
        opened.reasonCode = reasonCode;
        opened.status = "INITIATED";
        opened.initiatedBy = actor;
        opened.lines = write(lines.stream().map(l -> new ReceivedLine(l.sku(), l.quantity(), "-")).toList());
        opened.initiatedAt = now;
        return opened;
    }

    /** Records the receipt at a site: only SKUs of the return, at most the quantity announced; once. */
    public void receive(String atSite, List<ReceivedLine> received, Instant now) {
        if (!"INITIATED".equals(status)) {
            throw new ReturnRefusedException("returnId", "return " + id + " was received already");
        }
        Map<String, BigDecimal> announced = new LinkedHashMap<>();
        lines().forEach(line -> announced.put(line.sku(), line.quantity()));
        Map<String, BigDecimal> arrived = new LinkedHashMap<>();
        for (ReceivedLine line : received) {
            BigDecimal expected = announced.get(line.sku());
            if (expected == null) {
                throw new ReturnRefusedException("lines", "SKU " + line.sku() + " is not in return " + id);
            }
            BigDecimal total = arrived.merge(line.sku(), line.quantity(), BigDecimal::add);
            if (total.compareTo(expected) > 0) {
                throw new ReturnRefusedException("lines", "SKU " + line.sku() + ": " + total.toPlainString()
                        + " received, " + expected.toPlainString() + " announced");
            }
        }
        status = "RECEIVED";
        site = atSite;
        receivedLines = write(received);
        receivedAt = now;
    }

    private static String write(List<ReceivedLine> lines) {
        List<String> rows = new ArrayList<>();
        lines.forEach(line -> rows.add(line.sku().replace(";", "").replace(",", "") + "," + line.quantity().toPlainString()
                + "," + line.condition()));
        return String.join(";", rows);
    }

    private static List<ReceivedLine> read(String column) {
        List<ReceivedLine> rows = new ArrayList<>();
        if (column != null && !column.isEmpty()) {
            for (String row : column.split(";")) {
                String[] f = row.split(",", 3);
                rows.add(new ReceivedLine(f[0], new BigDecimal(f[1]), f[2]));
            }
        }
        return rows;
    }

    public List<Line> lines() {
        return read(lines).stream().map(l -> new Line(l.sku(), l.quantity())).toList();
    }

    public List<ReceivedLine> receivedLines() {
        return read(receivedLines);
    }

    public UUID id() {
        return id;
    }

    public UUID shipmentId() {
        return shipmentId;
    }

    public String reasonCode() {
        return reasonCode;
    }

    public String status() {
        return status;
    }

    public String initiatedBy() {
        return initiatedBy;
    }

    public Instant initiatedAt() {
        return initiatedAt;
    }

    public String site() {
        return site;
    }

    public Instant receivedAt() {
        return receivedAt;
    }
}
