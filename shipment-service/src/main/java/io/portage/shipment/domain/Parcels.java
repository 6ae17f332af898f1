package io.portage.shipment.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.portage.shipment.domain.carrier.Parcel;

/** A shipment's parcels with their tracking numbers, stored in one column as {@code kg,l,w,h,tracking;...}. */
public final class Parcels {

    /** One parcel as labelled: its measures and its own tracking number. */
    public record Labelled(Parcel parcel, String trackingNumber) {
    }

    private Parcels() {
    }

    static String write(List<Labelled> parcels) {
        List<String> rows = new ArrayList<>();
        for (Labelled labelled : parcels) {
            Parcel p = labelled.parcel();
            rows.add(String.join(",", p.weightKg().toPlainString(), Integer.toString(p.lengthCm()),
                    Integer.toString(p.widthCm()), Integer.toString(p.heightCm()), labelled.trackingNumber()));
        }
        return String.join(";", rows);
    }

    static List<Labelled> read(String column) {
        if (column == null || column.isEmpty()) {
            return List.of();
        }
        List<Labelled> parcels = new ArrayList<>();
        for (String row : column.split(";")) {
            String[] f = row.split(",", 5);
            parcels.add(new Labelled(new Parcel(new BigDecimal(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]),
                    Integer.parseInt(f[3])), f[4]));
        }
        return parcels;
    }
}
