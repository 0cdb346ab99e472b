package kz.shagym.escalation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What must hold in a ledger however often the application crashed or its engine was replaced, read from the H2 file
 * once the application is down. Each method returns the offending rows (empty = the invariant holds), so a failure
 * names them. Independent of how the application keeps the promises (idempotency keys, outboxes): it checks the result.
 */
final class LedgerInvariants {

    /** The letter kinds a rung's own process drafts when it opens (bpmn/rung-*.bpmn, "shagym.letter" tasks). */
    private static final Map<String, List<String>> RUNG_LETTERS = Map.of(
            "FILED_WITH_AUTHORITY", List.of("FORENSIC_EXAM_MOTION"),
            "PROSECUTOR_COMPLAINT", List.of("COMPLAINT_PROSECUTOR"),
            "INVESTIGATIVE_JUDGE", List.of("COMPLAINT_INVESTIGATIVE_JUDGE"),
            "APPEAL", List.of("APPEAL"),
            "DOMESTIC_REMEDIES_EXHAUSTED", List.of("CAT_COMMUNICATION", "HRC_COMMUNICATION"));

    private LedgerInvariants() {
    }

    /**
     * Letters the ledger calls for that do not exist: each open rung's own letters (a judge route still waiting for
     * the prosecutor has not started its process), a motion to restore every escalated filing term, a copy request
     * for every forwarding recorded without its copy, and every recorded letter request.
     */
    static Set<String> missingLetters(LedgerFile ledger) throws SQLException {
        Set<String> expected = new TreeSet<>();
        for (Map<String, Object> track : ledger.rows("select id, rung, step from rung_track where closed_at is null")) {
            String rung = (String) track.get("rung");
            if ("INVESTIGATIVE_JUDGE".equals(rung) && "AWAITING_ROUTE".equals(track.get("step"))) {
                continue;
            }
            for (String kind : RUNG_LETTERS.getOrDefault(rung, List.of())) {
                expected.add("rung:" + track.get("id") + ":" + kind);
            }
        }
        ledger.strings("""
                select id from deadline where role in ('JUDGE_COMPLAINT', 'APPEAL_FILING') and escalated_at is not null""")
                .forEach(id -> expected.add("restore:" + id));
        ledger.strings("""
                select id from complaint_event where type = 'FORWARDED_TO_INTERNAL_SECURITY' and copy_received_at is null""")
                .forEach(id -> expected.add("copy:" + id));
        expected.addAll(ledger.strings("select idempotency_key from letter_request"));
        expected.removeAll(new HashSet<>(ledger.strings("select idempotency_key from letter")));
        return expected;
    }

    /** Two letters for one purpose: the same kind for the same rung track (or, without a track, the same complaint). */
    static List<String> duplicatedLetters(LedgerFile ledger) throws SQLException {
        return ledger.strings("""
                select complaint_id || ' ' || kind || ' ' || coalesce(cast(track_id as varchar), '-') || ' x' || count(*)
                from letter group by complaint_id, kind, track_id having count(*) > 1""");
    }

    /** Letters whose drafted file or first version is missing: a draft torn by the crash. */
    static List<String> tornLetters(LedgerFile ledger, Path dataDir) throws SQLException {
        List<String> torn = new ArrayList<>();
        for (Map<String, Object> letter : ledger.rows("""
                select l.id, l.file_path, (select count(*) from letter_version v where v.letter_id = l.id and v.version = 1) as v1
                from letter l""")) {
            Path file = dataDir.resolve("letters").resolve((String) letter.get("file_path"));
            if (((Number) letter.get("v1")).intValue() != 1 || !Files.isRegularFile(file)) {
                torn.add(letter.get("id") + " " + file);
            }
        }
        return torn;
    }

    /**
     * What a timer's job records, recorded twice: a silence, a missed term, a reminder, an overdue answer or a completed
     * ladder counts once per complaint, rung and rule however often the timer fires again after a resume.
     */
    static List<String> duplicatedEngineEvents(LedgerFile ledger) throws SQLException {
        return ledger.strings("""
                select complaint_id || ' ' || type || ' ' || coalesce(rung, '-') || ' ' || coalesce(detail, '-') || ' x' || count(*)
                from complaint_event
                where type in ('AUTHORITY_SILENT', 'DEADLINE_MISSED', 'REMINDER_DUE', 'ANSWER_OVERDUE', 'LADDER_COMPLETED')
                group by complaint_id, type, rung, detail having count(*) > 1""");
    }

    /** Mail that was due by {@code now} and is not sent (waiting, being sent, or failing). */
    static List<String> unsentDueMail(LedgerFile ledger, Instant now) throws SQLException {
        return ledger.strings("""
                select id || ' ' || kind || ' ' || status || ' due ' || next_attempt_at from reminder
                where status in ('PENDING', 'SENDING', 'FAILED_RETRYING') and next_attempt_at <= TIMESTAMP WITH TIME ZONE '%s'"""
                .formatted(now.atOffset(ZoneOffset.UTC)));
    }
}
