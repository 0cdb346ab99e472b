package kz.shagym.clock;

import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import kz.shagym.web.ApiException;

/**
 * Moves application and engine time together, for acceptance tests and demonstrations only:
 * off unless SHAGYM_CLOCK_CONTROL=true, and refused outright in production.
 */
@RestController
@RequestMapping("/api/clock")
class ClockController {

    private final ShagymClock clock;
    private final ClockListeners listeners;
    private final boolean enabled;
    private final boolean production;

    ClockController(ShagymClock clock, ClockListeners listeners,
                    @Value("${shagym.clock-control:false}") boolean enabled, Environment environment) {
        this.clock = clock;
        this.listeners = listeners;
        this.enabled = enabled;
        this.production = environment.acceptsProfiles(Profiles.of("production"));
    }

    /** A year and a day: more in one step is a typo (P3650D for P365D), and a clock that only moves forward cannot undo it. */
    static final Duration MAX_STEP = Duration.ofDays(366);

    record Advance(String add) {}

    @GetMapping
    Map<String, Object> now() {
        requireEnabled();
        return Map.of("now", clock.instant().toString(), "offset", clock.offset().toString());
    }

    @PostMapping
    Map<String, Object> advance(@RequestBody Advance request) {
        requireEnabled();
        Duration by = parse(request == null ? null : request.add());
        if (by.isNegative() || by.isZero()) {
            throw ApiException.badRequest("add", "the clock only moves forward: give a positive period such as P16D or PT2H");
        }
        if (by.compareTo(MAX_STEP) > 0) {
            throw ApiException.badRequest("add", "at most " + MAX_STEP.toDays() + " days at a time: the clock cannot be moved back");
        }
        clock.advance(by);
        listeners.clockAdvanced(by);
        return now();
    }

    private void requireEnabled() {
        if (production) {
            throw new ApiException(HttpStatus.FORBIDDEN, null, "clock control is refused in the production profile");
        }
        if (!enabled) {
            throw new ApiException(HttpStatus.NOT_FOUND, null, "clock control is off; start with SHAGYM_CLOCK_CONTROL=true to enable it");
        }
    }

    /** Accepts both date periods (P16D, P1M is refused: months have no fixed length) and durations (PT36H). */
    static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw ApiException.badRequest("add", "missing: give an ISO-8601 period such as P16D or PT2H");
        }
        try {
            if (text.contains("T")) {
                return Duration.parse(text);
            }
            Period period = Period.parse(text);
            if (period.getMonths() != 0 || period.getYears() != 0) {
                throw ApiException.badRequest("add", "months and years have no fixed length: give days (e.g. P30D)");
            }
            return Duration.ofDays(period.getDays());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("add", "'" + text + "' is not an ISO-8601 period such as P16D or PT2H");
        }
    }
}
