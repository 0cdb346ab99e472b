package kz.shagym.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** The chain itself, on a private in-memory H2 migrated by Flyway (no application context). */
class AuditTrailTest {

    private JdbcClient jdbc;
    private AuditLog audit;
    private AuditVerifier verifier;

    @BeforeEach
    void database() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:audit-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        audit = new AuditLog(jdbc, new DataSourceTransactionManager(dataSource));
        verifier = new AuditVerifier(jdbc);
    }

    private void writeFive() {
        for (int i = 1; i <= 5; i++) {
            audit.record("lawyer-" + i, "CASE_READ", "complaint " + i, "GET /api/complaints/" + i);
        }
    }

    @Test
    void anIntactChainVerifies() {
        assertThat(verifier.verify().intact()).isTrue();
        writeFive();
        assertThat(verifier.verify()).isEqualTo(new AuditVerifier.Result(true, 5, null, null));
    }

    @Test
    void anAlteredRowIsReportedWithItsSeq() {
        writeFive();
        jdbc.sql("update audit_log set detail = 'nothing to see' where seq = 3").update();
        AuditVerifier.Result result = verifier.verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.brokenSeq()).isEqualTo(3);
        assertThat(result.reason()).contains("altered");
        assertThat(result.describe()).contains("seq 3");
    }

    @Test
    void aDeletedRowIsReportedWithItsSeq() {
        writeFive();
        jdbc.sql("delete from audit_log where seq = 2").update();
        AuditVerifier.Result result = verifier.verify();
        assertThat(result.brokenSeq()).isEqualTo(2);
        assertThat(result.reason()).contains("missing");
    }

    @Test
    void rowsDeletedFromTheEndAreReported() {
        writeFive();
        jdbc.sql("delete from audit_log where seq >= 4").update();
        AuditVerifier.Result result = verifier.verify();
        assertThat(result.brokenSeq()).isEqualTo(4);
        assertThat(result.reason()).contains("deleted from the end");
    }

    @Test
    void aRewrittenChainTailStillBreaksAtTheHead() {
        writeFive();
        // an attacker recomputing hashes after editing row 5 still leaves the head disagreeing
        AuditLog.Entry forged = new AuditLog.Entry(5, jdbc.sql("select at from audit_log where seq = 5")
                .query(java.time.OffsetDateTime.class).single().toInstant(), "someone-else", "CASE_READ", "complaint 5",
                "GET /api/complaints/5", jdbc.sql("select prev_hash from audit_log where seq = 5").query(String.class).single(), null);
        jdbc.sql("update audit_log set actor = 'someone-else', hash = :h where seq = 5").param("h", AuditLog.hash(forged)).update();
        assertThat(verifier.verify().brokenSeq()).isEqualTo(6);
    }

    @Test
    void concurrentWritersNeverForkTheChain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> writes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int n = i;
            writes.add(pool.submit(() -> audit.record("user-" + n % 7, "CASE_READ", "complaint " + n, null)));
        }
        for (Future<?> write : writes) {
            write.get();
        }
        pool.shutdown();
        assertThat(verifier.verify()).isEqualTo(new AuditVerifier.Result(true, 200, null, null));
    }
}
