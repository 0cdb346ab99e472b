package kz.shagym.letter;

import java.time.LocalDate;
import java.util.List;

/**
 * Data for the UN admissibility checklist.
 *
 * @param committee CAT | HRC
 * @param hrcLimitDate exhaustion + 5 years (HRC rule 99(c)); nullable
 * @param urgent true when interim measures are requested together with the communication
 */
public record UnSubmission(String committee, LocalDate exhaustionDate, List<ChronologyEntry> exhaustionSteps,
                           LocalDate hrcLimitDate, boolean urgent) {
    public UnSubmission {
        exhaustionSteps = exhaustionSteps == null ? List.of() : List.copyOf(exhaustionSteps);
    }
}
