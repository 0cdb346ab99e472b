package kz.shagym.letter;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The durable list of letters the ladder asked for and that are not drafted yet (table letter_request). */
@Repository
class LetterRequests {

    record Request(String idempotencyKey, UUID complaintId, String kind, UUID trackId, int attempts) {}

    private final JdbcClient jdbc;

    LetterRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** In the caller's transaction: recorded together with the ledger change, or not at all. */
    void insertIfAbsent(String key, UUID complaintId, String kind, UUID trackId, Instant now) {
        jdbc.sql("""
                insert into letter_request (idempotency_key, complaint_id, kind, track_id, requested_at)
                values (:key, :complaint, :kind, :track, :now) on conflict do nothing""")
                .param("key", key).param("complaint", complaintId).param("kind", kind).param("track", trackId)
                .param("now", utc(now)).update();
    }

    /** Requests still waiting for their letter, oldest first. */
    List<Request> pending(int limit) {
        return jdbc.sql("""
                select idempotency_key, complaint_id, kind, track_id, attempts from letter_request
                where drafted_at is null order by requested_at limit :limit""")
                .param("limit", limit)
                .query((rs, i) -> new Request(rs.getString("idempotency_key"), rs.getObject("complaint_id", UUID.class),
                        rs.getString("kind"), rs.getObject("track_id", UUID.class), rs.getInt("attempts")))
                .list();
    }

    void markDrafted(String key, Instant now) {
        jdbc.sql("update letter_request set drafted_at = :now, last_error = null where idempotency_key = :key and drafted_at is null")
                .param("now", utc(now)).param("key", key).update();
    }

    void markFailed(String key, String error) {
        jdbc.sql("update letter_request set attempts = attempts + 1, last_error = :error where idempotency_key = :key")
                .param("error", error == null ? null : error.substring(0, Math.min(error.length(), 1000)))
                .param("key", key).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
