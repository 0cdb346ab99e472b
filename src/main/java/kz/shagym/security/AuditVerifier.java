package kz.shagym.security;

import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Walks the audit chain from seq 1 and reports the first broken link: a gap (deleted row), a prev_hash that does not
 * match the previous row, a hash that does not match the row's content (edited row), or a head that disagrees with the
 * last row (rows deleted from the end).
 */
@Service
public class AuditVerifier {

    public record Result(boolean intact, long checked, Long brokenSeq, String reason) {
        static Result ok(long checked) {
            return new Result(true, checked, null, null);
        }

        static Result broken(long checked, long seq, String reason) {
            return new Result(false, checked, seq, reason);
        }

        public String describe() {
            return intact ? "audit chain intact: " + checked + " entries"
                    : "audit chain BROKEN at seq " + brokenSeq + ": " + reason + " (" + checked + " entries verified before it)";
        }
    }

    private final JdbcClient jdbc;

    public AuditVerifier(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Result verify() {
        AtomicReference<Result> broken = new AtomicReference<>();
        long[] expected = {1};
        String[] previousHash = {AuditLog.GENESIS};
        // streamed row by row: the trail grows without bound
        jdbc.sql("select * from audit_log order by seq").query(rs -> {
            if (broken.get() != null) {
                return;
            }
            AuditLog.Entry e = new AuditLog.Entry(rs.getLong("seq"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                    rs.getString("actor"), rs.getString("action"), rs.getString("target"), rs.getString("detail"),
                    rs.getString("prev_hash"), rs.getString("hash"));
            String problem = check(e, expected[0], previousHash[0]);
            if (problem != null) {
                broken.set(Result.broken(expected[0] - 1, Math.min(e.seq(), expected[0]), problem));
                return;
            }
            expected[0]++;
            previousHash[0] = e.hash();
        });
        if (broken.get() != null) {
            return broken.get();
        }
        long last = expected[0] - 1;
        var head = jdbc.sql("select seq, hash from audit_head where id = 1")
                .query((rs, i) -> new Object[] {rs.getLong("seq"), rs.getString("hash")}).single();
        if ((Long) head[0] != last || !head[1].equals(previousHash[0])) {
            return Result.broken(last, last + 1, "the head records " + head[0] + " entries but the log ends at seq " + last
                    + " (entries deleted from the end)");
        }
        return Result.ok(last);
    }

    private static String check(AuditLog.Entry e, long expectedSeq, String previousHash) {
        if (e.seq() != expectedSeq) {
            return "seq " + expectedSeq + " is missing (next present is " + e.seq() + "): entry deleted";
        }
        if (!e.prevHash().equals(previousHash)) {
            return "prev_hash does not match the hash of seq " + (expectedSeq - 1);
        }
        if (!AuditLog.hash(e).equals(e.hash())) {
            return "content does not match its hash: entry altered";
        }
        return null;
    }
}
