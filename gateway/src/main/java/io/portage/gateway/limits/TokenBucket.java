package io.portage.gateway.limits;

/**
 * A token bucket: {@code burst} tokens at most, refilled at {@code rate} a second; a request takes one. Thread-safe;
 * times are {@link System#nanoTime()} values passed in, so it is tested without sleeping.
 */
public final class TokenBucket {

    private final double rate;
    private final int burst;
    private double tokens;
    private long refilledAt;

    public TokenBucket(double rate, int burst, long now) {
        if (rate <= 0 || burst < 1) {
            throw new IllegalArgumentException("rate must be > 0 and burst >= 1, not " + rate + " and " + burst);
        }
        this.rate = rate;
        this.burst = burst;
        this.tokens = burst;
        this.refilledAt = now;
    }

    /**
     * One request's decision: whether it may go, the tokens left, seconds until the bucket is full again, and (when
     * refused) seconds until one token is back.
     */
    public record Decision(boolean allowed, int limit, int remaining, long resetSeconds, long retryAfterSeconds,
            String policy) {
    }

    public synchronized Decision take(long now) {
        tokens = Math.min(burst, tokens + (now - refilledAt) / 1e9 * rate);
        refilledAt = now;
        boolean allowed = tokens >= 1;
        if (allowed) {
            tokens -= 1;
        }
        long reset = (long) Math.ceil((burst - tokens) / rate);
        long retryAfter = allowed ? 0 : Math.max(1, (long) Math.ceil((1 - tokens) / rate));
        return new Decision(allowed, burst, (int) Math.floor(tokens), reset, retryAfter, policy());
    }

    /** {@code RateLimit-Policy}: the burst and the seconds in which the bucket refills from empty. */
    public String policy() {
        return burst + ";w=" + Math.max(1, Math.round(burst / rate));
    }
}
