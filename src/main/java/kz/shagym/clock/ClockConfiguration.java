package kz.shagym.clock;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ClockConfiguration {

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

    /** @Past / @PastOrPresent judge against the application's clock, which tests and demos may move forward. */
    @Bean
    org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer validationClock(ShagymClock clock) {
        return configuration -> configuration.clockProvider(() -> clock);
    }
}
