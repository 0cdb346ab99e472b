package kz.shagym.notify;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * A ledger deadline with what reminders need to know about it: its case, its rung, whether the ledger recorded the
 * authority's silence on it and whether someone acknowledged its overdue reminders. Carries no victim data.
 */
record DeadlineFacts(UUID id, UUID complaintId, String caseNumber, String complaintStatus, String stage, String lawyer,
                     String ruleId, String role, String owedBy, String status, UUID supersededBy, Instant triggerAt,
                     LocalDate lastDay, Instant dueAt, String legalBasis, Instant createdAt, UUID trackId,
                     UUID triggerEventId, String rung, String step, boolean trackClosed, boolean acknowledged,
                     boolean silenceRecorded) {

    /** Steps at which the applicant, not an authority, must act (a filing still awaited). */
    private static final Set<String> APPLICANT_STEPS = Set.of("AWAITING_FILING", "AWAITING_SUBMISSION");

    boolean applicant() {
        return "APPLICANT".equals(owedBy);
    }

    boolean current() {
        return supersededBy == null;
    }

    boolean caseOpen() {
        return "OPEN".equals(complaintStatus);
    }

    boolean open() {
        return "OPEN".equals(status) && current();
    }

    /**
     * An applicant's term that passed and is still unfiled: OPEN until the engine escalates it, then MISSED while its
     * rung still waits for the filing (a late filing moves the rung on; MET or CANCELLED end it).
     */
    boolean overdueUnfiled(Instant now) {
        boolean awaitingFiling = "OPEN".equals(status)
                || "MISSED".equals(status) && trackId != null && !trackClosed && APPLICANT_STEPS.contains(step);
        return applicant() && current() && caseOpen() && awaitingFiling && !dueAt.isAfter(now);
    }

    /** The rung the deadline belongs to, or the case's stage for deadlines outside a rung (motions). */
    String rungOrStage() {
        return rung != null ? rung : stage;
    }
}
