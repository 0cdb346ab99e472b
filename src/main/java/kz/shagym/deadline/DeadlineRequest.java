package kz.shagym.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * An ad-hoc computation, or a catalog rule ({@code ruleId} set: its regime and period win) with calendar
 * adjustments for this one computation (a court closed on a day; a decreed working Saturday).
 */
public record DeadlineRequest(String ruleId, Regime regime, String period, Instant trigger,
        Set<LocalDate> extraNonWorkingDays, Set<LocalDate> extraWorkingDays) {

    public DeadlineRequest {
        extraNonWorkingDays = extraNonWorkingDays == null ? Set.of() : Set.copyOf(extraNonWorkingDays);
        extraWorkingDays = extraWorkingDays == null ? Set.of() : Set.copyOf(extraWorkingDays);
    }
}
