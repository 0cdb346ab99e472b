package kz.shagym.complaint;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * GET /api/complaints/{id}: where the complaint stands, what is due, what was drafted, what happened. {@code victim} and
 * {@code medical} are there only for those entitled to them (absent, not empty, for everyone else); whoever may not see
 * the victim gets {@code pseudonym} instead ("Applicant SHG-2026-000042", in the answer's language): stable, derived
 * from the case number only, so it names the same case everywhere and tells nothing about the person.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ComplaintView(UUID id, String caseNumber, String stage, String status, String region, String allegation,
                            String filedWith, Instant filedAt, String language, String lawyer, Victim victim,
                            String pseudonym, MedicalFacts medical, LocalDate exhaustionDate, String committee, List<RungView> rungs, List<DeadlineView> deadlines,
                            List<LetterView> letters, List<HistoryView> history, List<DateFacts> dateFacts,
                            List<String> warnings) {

    /**
     * The dates of a decision kept apart — when it was made, when the applicant learned of it, when a copy arrived —
     * and which clock each one starts.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DateFacts(UUID eventId, String type, String authority, String outcome, Instant decidedAt,
                            Instant learnedAt, Instant copyReceivedAt, boolean copyMissing, List<ClockStart> startsClocks) {}

    public record ClockStart(String rule, String from, LocalDate lastDay, String status) {}

    /** Shown only to those entitled to the victim's identity; others see the case number as a pseudonym. */
    public record Victim(String fullName, LocalDate birthDate) {}

    public record RungView(String rung, String step, String whoActs, Instant openedAt) {}

    /** {@code rung}: the open rung whose clock this is (absent for a rung already closed and for a motion's term). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeadlineView(UUID id, String rule, String role, String owedBy, String triggerKind, Instant triggerAt,
                               LocalDate lastDay, Instant dueAt, LocalDateTime dueAtLocal, String zone, String status,
                               String confidence, boolean verified, String legalBasis, String warning,
                               Instant reminderAt, List<String> explanation, String rung) {}

    public record LetterView(UUID id, String kind, String language, String status, int version, boolean stale,
                             Instant createdAt, Instant filedAt) {}

    /**
     * One entry of the history. {@code at} is when it happened, {@code recordedAt} when it was entered (by {@code by});
     * {@code detail} is the ledger's text as stored, and the typed fields after it say the same in parts: the decision's
     * reason, the letter filed, the committee, the rule (with its title in the view's language), a date correction or a
     * recalculated last day, and the lawyer's note.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HistoryView(UUID id, int seq, String type, Instant at, Instant learnedAt, Instant copyReceivedAt,
                              String authority, String outcome, String rung, String detail, String source, String by,
                              Instant recordedAt, String reason, String letterKind, String committee, Boolean interimMeasures,
                              String ruleId, String ruleTitle, EventDetail.Correction correction,
                              EventDetail.Recalculation recalculation, String note, String closeReason, UUID copyOf) {}
}
