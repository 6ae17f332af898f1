package io.portage.edge.domain;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Ids for events that arrive without one: UUID version 7 (RFC 9562), a millisecond timestamp followed by a counter
 * and random bits. Ids from one agent only ever increase (RFC 9562 section 6.2, method 1: a 12-bit counter that
 * starts at a random value each millisecond and borrows the next millisecond when it runs out), so new events append
 * to the store's id index instead of landing on random pages of it, which keeps intake fast however large the backlog.
 * Between agents, uniqueness rests on the millisecond and 62 random bits from a generator seeded by
 * {@link SecureRandom}.
 */
public final class EventIds {

    private final Clock clock;
    private final SplittableRandom random;
    private long lastMillis = -1;
    private int counter;

    public EventIds(Clock clock) {
        this.clock = clock;
        this.random = new SplittableRandom(new SecureRandom().nextLong());
    }

    public synchronized UUID next() {
        long millis = clock.millis();
        if (millis > lastMillis) {
            lastMillis = millis;
            counter = random.nextInt(0x800);
        } else if (++counter > 0xFFF) {
            lastMillis++;
            counter = random.nextInt(0x800);
        }
        long mostSignificant = (lastMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000 | counter;
        long leastSignificant = random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(mostSignificant, leastSignificant);
    }
}
