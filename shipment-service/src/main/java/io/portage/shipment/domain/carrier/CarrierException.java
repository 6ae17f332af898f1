package io.portage.shipment.domain.carrier;

/**
 * A carrier said no or could not be reached: the carrier, its own error code and message (kept as it sent them), and
 * what kind of failure it is, which decides whether a call is retried and whether the next carrier is tried.
 */
public class CarrierException extends RuntimeException {

    /** Refused: the carrier answered and will not (bad address, too heavy); unavailable: no answer, 5xx, timeout, open breaker; throttled: 429. */
    public enum Kind {
        REFUSED, UNAVAILABLE, THROTTLED
    }

    private final String carrier;
    private final String carrierCode;
    private final String carrierMessage;
    private final Kind kind;

    public CarrierException(String carrier, Kind kind, String carrierCode, String carrierMessage) {
        super(carrier + " " + kind.name().toLowerCase() + ": " + carrierCode + " " + carrierMessage);
        this.carrier = carrier;
        this.kind = kind;
        this.carrierCode = carrierCode;
        this.carrierMessage = carrierMessage;
    }

    public String carrier() {
        return carrier;
    }

    public String carrierCode() {
        return carrierCode;
    }

    public String carrierMessage() {
        return carrierMessage;
    }

    public Kind kind() {
        return kind;
    }
}
