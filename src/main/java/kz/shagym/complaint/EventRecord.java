package kz.shagym.complaint;

import java.time.Instant;
import java.util.UUID;

/** One line of a complaint's history. */
public record EventRecord(UUID id, UUID complaintId, int seq, EventType type, Instant occurredAt, Instant learnedAt,
                          Instant copyReceivedAt, String authority, String outcome, String rung, String detail,
                          String source, String recordedBy, Instant recordedAt) {
}
