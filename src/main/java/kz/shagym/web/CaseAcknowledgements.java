package kz.shagym.web;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import kz.shagym.clock.ShagymClock;
import kz.shagym.report.BoardQueries;
import org.springframework.stereotype.Component;

/**
 * The case page's deadline rows show whether an overdue or missed term was acknowledged (by whom, when) and offer the
 * acknowledgement where nobody gave it yet: the same record as on "my deadlines". The case page asks for them after
 * the case's own access check.
 */
@Component
class CaseAcknowledgements {

    /** One overdue or missed deadline of the case: acknowledged by whom and when (Almaty), or not yet (nulls). */
    record Acknowledgement(String by, String at) {
        public boolean given() {
            return by != null;
        }
    }

    private final BoardQueries queries;
    private final ShagymClock clock;

    CaseAcknowledgements(BoardQueries queries, ShagymClock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    /** By deadline id; only the case's overdue and missed terms (those that can be acknowledged) have an entry. */
    Map<UUID, Acknowledgement> of(UUID complaintId) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), Formats.ALMATY);
        Map<UUID, Acknowledgement> shown = new java.util.HashMap<>();
        queries.overdueOf(complaintId, today).forEach(r -> shown.put(r.deadlineId(), new Acknowledgement(
                r.acknowledgedByName() != null ? r.acknowledgedByName() : r.acknowledgedBy(),
                r.acknowledgedAt() == null ? null : Formats.almaty(r.acknowledgedAt()))));
        return shown;
    }
}
