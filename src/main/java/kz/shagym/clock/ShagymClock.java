package kz.shagym.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The application's clock: system time plus an offset that only the clock endpoint moves (in tests and demos).
 * Every "now" in the application comes from here so that the ledger and the engine agree on time.
 */
public final class ShagymClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public ShagymClock() {
        this(Clock.systemUTC());
    }

    ShagymClock(Clock base) {
        this.base = base;
    }

    public Duration offset() {
        return offset.get();
    }

    public void advance(Duration by) {
        offset.accumulateAndGet(by, Duration::plus);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /**
     * This clock seen from another zone: it follows every later move of the offset, as holders of a zoned clock
     * (the validator keeps the one it is given for good) expect of "the application's clock".
     */
    @Override
    public Clock withZone(ZoneId zone) {
        return new Zoned(this, zone);
    }

    private static final class Zoned extends Clock {

        private final ShagymClock source;
        private final ZoneId zone;

        Zoned(ShagymClock source, ZoneId zone) {
            this.source = source;
            this.zone = zone;
        }

        @Override
        public Instant instant() {
            return source.instant();
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return source.withZone(other);
        }
    }
}
