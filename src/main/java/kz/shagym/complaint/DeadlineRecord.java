package kz.shagym.complaint;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A computed deadline, kept with what it was computed from so that it can be explained and recomputed. */
public record DeadlineRecord(UUID id, UUID complaintId, UUID trackId, DeadlineRole role, String ruleId, String owedBy,
                             String triggerKind, UUID triggerEventId, String triggerField, Instant triggerAt,
                             LocalDate lastDay, Instant dueAt, Instant reminderAt, String status, String confidence,
                             String legalBasis, String explanation, Instant remindedAt, Instant escalatedAt,
                             Instant closedAt, UUID supersededBy, Instant createdAt) {
    public boolean open() {
        return "OPEN".equals(status) && supersededBy == null;
    }
}
