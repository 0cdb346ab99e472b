package kz.shagym.notify;

import java.time.Instant;
import java.util.UUID;

/** One row of the outbox: one mail to one user. */
record ReminderRow(UUID id, UUID complaintId, UUID deadlineId, ReminderKind kind, String offsetKey, String recipient,
                   Instant sendAt, String status, int attempts, Instant nextAttemptAt, Instant claimedAt,
                   int claimVersion, Instant sentAt, boolean stuck, String lastError) {

    static final String PENDING = "PENDING";
    static final String SENDING = "SENDING";
    static final String SENT = "SENT";
    static final String FAILED_RETRYING = "FAILED_RETRYING";
    static final String CANCELLED = "CANCELLED";
    static final String SKIPPED = "SKIPPED";

    /** The row as planned, before it is stored. */
    record Planned(UUID complaintId, UUID deadlineId, ReminderKind kind, String offsetKey, String recipient, Instant sendAt) {
        String dedupKey() {
            return (deadlineId == null ? "-" : deadlineId.toString()) + "|" + kind + "|" + offsetKey + "|" + recipient;
        }
    }

    String dedupKey() {
        return new Planned(complaintId, deadlineId, kind, offsetKey, recipient, sendAt).dedupKey();
    }
}
