package kz.shagym.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import kz.shagym.LadderHarness;
import kz.shagym.escalation.AppProcess;
import kz.shagym.escalation.LedgerFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit verification as an administrator runs it from the shell, on the database a stopped application left:
 * {@code --shagym.audit.verify=true --spring.main.web-application-type=none} exits 0 on an intact chain and 2, naming
 * the first broken entry, once someone has edited a row in the database file behind the application's back; run while
 * the application still holds the database, it fails at once with 1.
 */
class AuditVerifyCommandTest {

    private static final String[] VERIFY = {"--shagym.audit.verify=true", "--spring.main.web-application-type=none"};

    @TempDir
    Path dataDir;

    @Test
    void theCommandExitsZeroOnAnIntactChainTwoAtTheFirstAlteredRowAndOneWhileTheApplicationHoldsTheDatabase() throws Exception {
        try (AppProcess app = new AppProcess(dataDir).named("audit-verify-command")) {
            app.start("PT0S");
            String filedAt = app.ago(Duration.ofDays(1));
            String id = app.post("/api/complaints", LadderHarness.complaintJson("POLICE", filedAt), 201).get("id").asText();
            app.get("/api/complaints/" + id);
            app.get("/api/complaints/" + id);
            awaitAuditSettled(app);
            AppProcess.Finished whileRunning = app.runToExit(VERIFY);
            assertThat(whileRunning.exitCode()).as("a command that cannot start exits with 1, and does not hang")
                    .isEqualTo(1);
            assertThat(whileRunning.output()).contains("already in use");
            app.kill();

            AppProcess.Finished intact = app.runToExit(VERIFY);
            assertThat(intact.exitCode()).as(intact.output()).isZero();
            assertThat(intact.output()).contains("audit chain intact");

            long altered = alterTheSecondCaseRead();
            AppProcess.Finished broken = app.runToExit(VERIFY);
            assertThat(broken.exitCode()).as(broken.output()).isEqualTo(2);
            assertThat(broken.output()).contains("audit chain BROKEN at seq " + altered + ":");
        }
    }

    /** Entries are written as a request completes, after its answer may have left: wait until none is still coming. */
    private static void awaitAuditSettled(AppProcess app) throws Exception {
        long before = -1;
        for (int look = 0; look < 60; look++) {
            long checked = app.get("/api/admin/audit/verify").get("checked").asLong();
            if (checked == before) {
                return;
            }
            before = checked;
            Thread.sleep(500);
        }
        throw new AssertionError("the audit log kept growing for 30 s");
    }

    /** What an intruder with the database file would do: make a read of the case look like someone else's. */
    private long alterTheSecondCaseRead() throws Exception {
        try (LedgerFile ledger = LedgerFile.open(dataDir)) {
            List<String> reads = ledger.strings("select seq from audit_log where action = 'CASE_READ' order by seq");
            assertThat(reads).as("both case reads were audited").hasSizeGreaterThanOrEqualTo(2);
            long seq = Long.parseLong(reads.get(1));
            assertThat(ledger.update("update audit_log set actor = 'nobody' where seq = " + seq)).isEqualTo(1);
            return seq;
        }
    }
}
