package kz.shagym.notify;

import static kz.shagym.notify.NotifyQueries.instant;
import static kz.shagym.notify.NotifyQueries.uuid;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The reminder outbox. Every state change is one conditional UPDATE, so two senders (or a sender and a planner)
 * racing on a row cannot both win: the claim compares the row's claim version, the planner only touches rows no
 * sender holds.
 */
@Repository
class ReminderOutbox {

    private static final String OPEN_STATES = "('PENDING', 'FAILED_RETRYING')";

    private final JdbcClient jdbc;

    ReminderOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the row unless its key exists (in any state, also SENT or CANCELLED): exactly-once planning. */
    boolean insertIfAbsent(ReminderRow.Planned row, Instant now) {
        return jdbc.sql("""
                insert into reminder (id, dedup_key, complaint_id, deadline_id, kind, offset_key, recipient, send_at, status,
                  attempts, next_attempt_at, created_at)
                values (:id, :key, :complaint, :deadline, :kind, :offset, :recipient, :sendAt, 'PENDING', 0, :sendAt, :now)
                on conflict do nothing""")
                .param("id", UUID.randomUUID()).param("key", row.dedupKey()).param("complaint", row.complaintId())
                .param("deadline", row.deadlineId()).param("kind", row.kind().name()).param("offset", row.offsetKey())
                .param("recipient", row.recipient()).param("sendAt", utc(row.sendAt())).param("now", utc(now))
                .update() == 1;
    }

    /** Rows not yet handed to a sender: the planner may still cancel them. */
    List<ReminderRow> unsentOf(UUID complaintId) {
        return jdbc.sql("select * from reminder where complaint_id = :c and status in " + OPEN_STATES)
                .param("c", complaintId).query(ROW).list();
    }

    List<ReminderRow> ofComplaint(UUID complaintId) {
        return jdbc.sql("select * from reminder where complaint_id = :c order by send_at, kind, recipient")
                .param("c", complaintId).query(ROW).list();
    }

    Optional<ReminderRow> find(UUID id) {
        return jdbc.sql("select * from reminder where id = :id").param("id", id).query(ROW).optional();
    }

    /** Ends a row that no longer matters (deadline met, recalculated, acknowledged), unless a sender holds it. */
    boolean close(UUID id, String status, Instant now) {
        return jdbc.sql("update reminder set status = :s, closed_at = :now where id = :id and status in " + OPEN_STATES)
                .param("s", status).param("now", utc(now)).param("id", id).update() == 1;
    }

    /**
     * A reminder never tried whose later sibling (same deadline and recipient) is also due already is stale: after a
     * long stop only the latest one goes out, not the whole ladder at once.
     */
    int skipStale(UUID complaintId, Instant now) {
        return jdbc.sql("""
                update reminder r set status = 'SKIPPED', closed_at = :now
                where r.complaint_id = :c and r.status = 'PENDING' and r.attempts = 0 and r.kind in ('REMINDER', 'OVERDUE')
                  and r.send_at <= :now
                  and exists (select 1 from reminder o where o.deadline_id = r.deadline_id and o.recipient = r.recipient
                     and o.kind in ('REMINDER', 'OVERDUE') and o.status in ('PENDING', 'SENDING', 'SENT', 'FAILED_RETRYING')
                     and o.send_at > r.send_at and o.send_at <= :now)""")
                .param("c", complaintId).param("now", utc(now)).update();
    }

    /** Rows a sender may take now: due and unclaimed, or claimed by a sender that has not finished for too long. */
    List<ReminderRow> claimable(Instant now, Instant staleBefore, int limit) {
        return jdbc.sql("""
                select * from reminder
                where (status in %s and next_attempt_at <= :now) or (status = 'SENDING' and claimed_at <= :stale)
                order by next_attempt_at limit :limit""".formatted(OPEN_STATES))
                .param("now", utc(now)).param("stale", utc(staleBefore)).param("limit", limit).query(ROW).list();
    }

    /** Compare-and-set on the claim version: true for exactly one claimant. The claim is committed before sending. */
    boolean claim(ReminderRow row, Instant now) {
        return jdbc.sql("""
                update reminder set status = 'SENDING', claimed_at = :now, claim_version = claim_version + 1
                where id = :id and claim_version = :version and status = :status""")
                .param("now", utc(now)).param("id", row.id()).param("version", row.claimVersion())
                .param("status", row.status()).update() == 1;
    }

    void markSent(UUID id, Instant now) {
        jdbc.sql("update reminder set status = 'SENT', sent_at = :now, stuck = false, last_error = null where id = :id")
                .param("now", utc(now)).param("id", id).update();
    }

    void markFinished(UUID id, String status, Instant now) {
        jdbc.sql("update reminder set status = :s, closed_at = :now where id = :id")
                .param("s", status).param("now", utc(now)).param("id", id).update();
    }

    void markFailed(UUID id, int attempts, Instant nextAttempt, boolean stuck, String error) {
        jdbc.sql("""
                update reminder set status = 'FAILED_RETRYING', attempts = :a, next_attempt_at = :next, stuck = :stuck,
                  last_error = :error, claimed_at = null where id = :id""")
                .param("a", attempts).param("next", utc(nextAttempt)).param("stuck", stuck)
                .param("error", error == null ? null : error.substring(0, Math.min(error.length(), 1000)))
                .param("id", id).update();
    }

    /** Failing rows for the dashboard: the stuck ones first. */
    List<ReminderRow> failing(boolean stuckOnly) {
        return jdbc.sql("select * from reminder where status = 'FAILED_RETRYING'" + (stuckOnly ? " and stuck = true" : "")
                        + " order by stuck desc, attempts desc, send_at")
                .query(ROW).list();
    }

    /** How many rows are in each state, and how many wait past their time: is mail flowing? */
    record Summary(Map<String, Integer> byStatus, int dueUnsent, Instant oldestDue) {}

    Summary summary(Instant now) {
        Map<String, Integer> byStatus = new TreeMap<>();
        jdbc.sql("select status, count(*) as n from reminder group by status")
                .query((rs, i) -> byStatus.put(rs.getString("status"), rs.getInt("n"))).list();
        var due = jdbc.sql("select count(*) as n, min(next_attempt_at) as oldest from reminder where status in "
                        + OPEN_STATES + " and next_attempt_at <= :now")
                .param("now", utc(now))
                .query((rs, i) -> new Summary(byStatus, rs.getInt("n"), instant(rs, "oldest"))).single();
        return due;
    }

    void acknowledge(UUID deadlineId, String user, Instant now) {
        jdbc.sql("""
                insert into reminder_acknowledgement (deadline_id, acknowledged_by, acknowledged_at) values (:d, :u, :now)
                on conflict do nothing""")
                .param("d", deadlineId).param("u", user).param("now", utc(now)).update();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static final RowMapper<ReminderRow> ROW = (rs, i) -> new ReminderRow(uuid(rs, "id"), uuid(rs, "complaint_id"),
            uuid(rs, "deadline_id"), ReminderKind.valueOf(rs.getString("kind")), rs.getString("offset_key"),
            rs.getString("recipient"), instant(rs, "send_at"), rs.getString("status"), rs.getInt("attempts"),
            instant(rs, "next_attempt_at"), instant(rs, "claimed_at"), rs.getInt("claim_version"), instant(rs, "sent_at"),
            rs.getBoolean("stuck"), rs.getString("last_error"));
}
