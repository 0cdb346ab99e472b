package kz.shagym.clock;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Configuration;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.PastOrPresent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** What @PastOrPresent on a date of the case calls "today": the application's clock, counted in Almaty. */
class ValidationClockTest {

    record Dated(@PastOrPresent LocalDate day) {}

    /** 20:30 UTC on 23 November is 01:30 on 24 November in Almaty (UTC+5). */
    private static final Instant LATE_EVENING_UTC = Instant.parse("2026-11-23T20:30:00Z");

    @Test
    void todaysDateInAlmatyIsNotInTheFutureWhileTheUtcDateIsStillYesterday() {
        ShagymClock clock = new ShagymClock(Clock.fixed(LATE_EVENING_UTC, ZoneOffset.UTC));
        try (ValidatorFactory factory = validatorFactory(clock)) {
            Validator validator = factory.getValidator();
            assertThat(validator.validate(new Dated(LocalDate.of(2026, 11, 24)))).isEmpty();
            assertThat(validator.validate(new Dated(LocalDate.of(2026, 11, 25)))).hasSize(1);
        }
    }

    @Test
    void movingTheApplicationClockMovesWhatCountsAsTheFuture() {
        ShagymClock clock = new ShagymClock(Clock.fixed(LATE_EVENING_UTC, ZoneOffset.UTC));
        try (ValidatorFactory factory = validatorFactory(clock)) {
            Validator validator = factory.getValidator();
            Dated inTenDays = new Dated(LocalDate.of(2026, 12, 4));
            assertThat(validator.validate(inTenDays)).hasSize(1);
            clock.advance(Duration.ofDays(10));
            assertThat(validator.validate(inTenDays)).isEmpty();
        }
    }

    private static ValidatorFactory validatorFactory(ShagymClock clock) {
        Configuration<?> configuration = Validation.byDefaultProvider().configure();
        new ClockConfiguration().validationClock(clock).customize(configuration);
        return configuration.buildValidatorFactory();
    }
}
