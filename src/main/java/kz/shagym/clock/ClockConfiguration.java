package kz.shagym.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ClockConfiguration {

    /** Kept here rather than taken from the deadline package: the clock sits below every feature. */
    static final ZoneId LEGAL_ZONE = ZoneId.of("Asia/Almaty");

    /**
     * A start offset lets a test restart the application "later" (a deadline passed while it was down).
     * Honoured only where clock control is on, so production time is always real time.
     */
    @Bean
    ShagymClock shagymClock(@Value("${shagym.clock-control:false}") boolean clockControl,
                            @Value("${shagym.clock.start-offset:PT0S}") Duration startOffset) {
        ShagymClock clock = new ShagymClock();
        if (!startOffset.isZero()) {
            if (!clockControl) {
                throw new IllegalStateException("shagym.clock.start-offset needs SHAGYM_CLOCK_CONTROL=true");
            }
            clock.advance(startOffset);
        }
        return clock;
    }

    /**
     * @Past / @PastOrPresent judge against the application's clock, which tests and demos may move forward, and in the
     * legal local time: between midnight and 05:00 in Almaty the UTC date is still yesterday, and a lawyer entering
     * today's incident date was told it lies in the future.
     */
    @Bean
    ValidationConfigurationCustomizer validationClock(ShagymClock clock) {
        return configuration -> configuration.clockProvider(() -> legalLocalTime(clock));
    }

    /** The application's clock in the zone where the law counts days (Asia/Almaty). */
    static Clock legalLocalTime(ShagymClock clock) {
        return clock.withZone(LEGAL_ZONE);
    }
}
