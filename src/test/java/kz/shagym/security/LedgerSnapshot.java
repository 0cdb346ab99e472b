package kz.shagym.security;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a request could have written: the row count of every ledger table (a new row anywhere shows), and every row
 * of one case (a changed status, version or date on the case under attack shows). Two equal snapshots around a
 * refused request mean it wrote nothing.
 */
record LedgerSnapshot(Map<String, Integer> counts, Map<String, String> caseRows) {

    static final List<String> TABLES = List.of("app_user", "complaint", "complaint_event", "rung_track", "deadline", "letter",
            "letter_version", "letter_review", "reminder", "reminder_acknowledgement", "calendar_token", "api_token", "user_totp", "totp_recovery_code", "case_grant",
            "audit_log");

    /** The columns a change to the case would touch (not the long explanations, which only change with them). */
    private static final Map<String, String> CASE_ROWS = Map.of(
            "complaint", "select stage, status, version, updated_at, region, lawyer, victim_full_name, exhaustion_date, committee,"
                    + " medical_injuries, medical_exam_date, medical_exam_place, medical_forensic_exam, medical_findings"
                    + " from complaint where id = :c",
            // the credentials a request could change: the tokens (a revocation) and second factors, of every user
            "api_token", "select id, revoked_at, expires_at from api_token order by id",
            "user_totp", "select username, active, last_step, secret_enc from user_totp order by username",
            "totp_recovery_code", "select username, code_hash, used_at from totp_recovery_code order by username, code_hash",
            "letter", "select id, status, version, sha256, stale, filed_at, channel, reviewed_at from letter where complaint_id = :c"
                    + " order by id",
            "deadline", "select id, status, trigger_at, due_at, superseded_by, closed_at, escalated_at from deadline"
                    + " where complaint_id = :c order by id",
            "rung_track", "select id, step, closed_at, outcome from rung_track where complaint_id = :c order by id",
            "reminder", "select id, status, send_at, closed_at from reminder where complaint_id = :c order by id");

    static LedgerSnapshot take(JdbcClient jdbc, UUID complaint) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, jdbc.sql("select count(*) from " + table).query(Integer.class).single());
        }
        Map<String, String> rows = new LinkedHashMap<>();
        CASE_ROWS.forEach((table, sql) -> rows.put(table, jdbc.sql(sql).param("c", complaint).query().listOfRows().toString()));
        return new LedgerSnapshot(counts, rows);
    }

    /** The same snapshot with one table's count raised by {@code n}: what a request that is audited should leave. */
    LedgerSnapshot plus(String table, int n) {
        Map<String, Integer> counts = new LinkedHashMap<>(this.counts);
        counts.merge(table, n, Integer::sum);
        return new LedgerSnapshot(counts, caseRows);
    }

    /**
     * The audit trail records a read once its answer has gone out: the snapshot once the trail has stopped growing
     * (unchanged for 100 ms, a moment after the answer).
     */
    static LedgerSnapshot awaitAudited(JdbcClient jdbc, UUID complaint, LedgerSnapshot answered) {
        AtomicReference<LedgerSnapshot> last = new AtomicReference<>(answered);
        await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ofMillis(100)).pollInterval(Duration.ofMillis(100))
                .until(() -> last.getAndSet(take(jdbc, complaint)).equals(last.get()));
        return last.get();
    }

    /**
     * Waits until the engine's workers and the after-commit listeners are done with the case: the snapshot stays the
     * same over a second.
     */
    static void awaitQuiet(JdbcClient jdbc, UUID complaint) {
        AtomicReference<LedgerSnapshot> last = new AtomicReference<>(take(jdbc, complaint));
        await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ofMillis(500)).pollInterval(Duration.ofMillis(500))
                .until(() -> last.getAndSet(take(jdbc, complaint)).equals(last.get()));
        await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(30))
                .until(() -> last.getAndSet(take(jdbc, complaint)).equals(last.get()));
    }
}
