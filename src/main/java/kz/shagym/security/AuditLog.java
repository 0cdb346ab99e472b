package kz.shagym.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends to the hash-chained audit trail. Each entry is written in its own transaction (so a denial is kept even when
 * the caller's work rolls back) under the lock of the chain head, so concurrent writers — threads or instances —
 * take turns and the chain never forks. Entries name ids, never victims' names.
 */
@Service
public class AuditLog {

    public static final String GENESIS = "0".repeat(64);

    public record Entry(long seq, Instant at, String actor, String action, String target, String detail,
                        String prevHash, String hash) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    @org.springframework.beans.factory.annotation.Autowired
    public AuditLog(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this(jdbc, transactions, Clock.systemUTC());
    }

    AuditLog(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    public Entry record(String actor, String action, String target, String detail) {
        return ownTransaction.execute(status -> append(actor, action, truncate(target, 200), truncate(detail, 2000)));
    }

    private Entry append(String actor, String action, String target, String detail) {
        var head = jdbc.sql("select seq, hash from audit_head where id = 1 for update")
                .query((rs, i) -> new Object[] {rs.getLong("seq"), rs.getString("hash")}).single();
        long seq = (Long) head[0] + 1;
        // the database keeps microseconds at most; the hash must cover exactly what is stored
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Entry entry = new Entry(seq, at, truncate(actor, 100), action, target, detail, (String) head[1], null);
        String hash = hash(entry);
        jdbc.sql("""
                insert into audit_log (seq, at, actor, action, target, detail, prev_hash, hash)
                values (:seq, :at, :actor, :action, :target, :detail, :prev, :hash)""")
                .param("seq", seq).param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).param("actor", entry.actor())
                .param("action", action).param("target", target).param("detail", detail).param("prev", entry.prevHash())
                .param("hash", hash).update();
        jdbc.sql("update audit_head set seq = :seq, hash = :hash where id = 1").param("seq", seq).param("hash", hash).update();
        return new Entry(seq, at, entry.actor(), action, target, detail, entry.prevHash(), hash);
    }

    /** SHA-256 over the previous hash and the row's fields, each length-prefixed so that no two rows encode alike. */
    static String hash(Entry e) {
        StringBuilder canonical = new StringBuilder(e.prevHash()).append('|');
        for (String field : new String[] {Long.toString(e.seq()), e.at().toString(), e.actor(), e.action(), e.target(), e.detail()}) {
            canonical.append(field == null ? "-1:" : field.length() + ":" + field).append('|');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e2) {
            throw new IllegalStateException("SHA-256 is not available", e2);
        }
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
