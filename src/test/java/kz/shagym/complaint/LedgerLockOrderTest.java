package kz.shagym.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import kz.shagym.ShagymIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changes of one complaint take its row first and everything else after, so that an engine job and a lawyer's event on
 * the same complaint queue instead of deadlocking (CrashRestartAtScaleTest with 1,000 complaints once answered a filing
 * with a 500: a reminder held the deadline row and waited for the complaint that the filing held). A change the database
 * still picks as a lock victim is run again.
 */
class LedgerLockOrderTest extends ShagymIntegrationTest {

    @Autowired
    Ladder ladderService;
    @Autowired
    LedgerTransactions transactions;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;

    private final ExecutorService engineJob = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopJob() {
        engineJob.shutdownNow();
    }

    @Test
    void reminderWaitsForTheComplaintBeforeTouchingItsDeadline() throws Exception {
        UUID id = complaintAwaitingTheJudgeComplaint();
        UUID deadline = openDeadline(id, "JUDGE_COMPLAINT");

        Future<Boolean> reminder;
        try (Connection event = dataSource.getConnection()) {
            event.setAutoCommit(false);
            // A lawyer's event holds the complaint, as Ladder.record does first.
            execute(event, "select id from complaint where id = ? for update", id);
            reminder = engineJob.submit(() -> ladderService.remind(id, Rung.INVESTIGATIVE_JUDGE, "APPLICANT_FILING"));
            awaitBlockedBy(event);
            // The reminder, waiting for the complaint, must hold nothing of it yet: its deadline row is free for the event
            // to close next. (A third session probes it, so that a held row shows as a lock timeout, not a deadlock that
            // the database would resolve by sacrificing the reminder.)
            try (Connection probe = dataSource.getConnection()) {
                probe.setAutoCommit(false);
                execute(probe, "set lock_timeout 200");
                assertThat(update(probe, "update deadline set closed_at = closed_at where id = ?", deadline))
                        .as("the deadline row is not held by the waiting reminder").isEqualTo(1);
                probe.rollback();
            }
            event.rollback();
        }
        assertThat(reminder.get(30, TimeUnit.SECONDS)).as("the reminder goes on once the event is done").isTrue();
        assertThat(jdbc.sql("select reminded_at from deadline where id = :id").param("id", deadline)
                .query(java.time.OffsetDateTime.class).optional()).isPresent();
    }

    @Test
    void changeChosenAsLockVictimRunsAgainFromTheStart() {
        AtomicInteger runs = new AtomicInteger();
        String result = transactions.write(() -> {
            if (runs.incrementAndGet() < 3) {
                throw new CannotAcquireLockException("Deadlock detected (simulated)");
            }
            return "applied";
        });
        assertThat(result).isEqualTo("applied");
        assertThat(runs).hasValue(3);
    }

    @Test
    void changeThatKeepsLosingGivesUpAfterItsAttempts() {
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> transactions.write(() -> {
            runs.incrementAndGet();
            throw new CannotAcquireLockException("Deadlock detected (simulated)");
        })).isInstanceOf(CannotAcquireLockException.class);
        assertThat(runs).hasValue(LedgerTransactions.ATTEMPTS);
    }

    @Test
    void changeInsideTheCallersTransactionIsLeftToTheCallerToRetry() {
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> new TransactionTemplate(transactionManager).executeWithoutResult(status ->
                transactions.write(() -> {
                    runs.incrementAndGet();
                    throw new CannotAcquireLockException("Deadlock detected (simulated)");
                }))).isInstanceOf(CannotAcquireLockException.class);
        assertThat(runs).hasValue(1);
    }

    private UUID complaintAwaitingTheJudgeComplaint() {
        UUID id = ladder.register(ladder.ago(Duration.ofDays(3)));
        ladder.event(id, """
                {"type": "FORWARDED_TO_INTERNAL_SECURITY", "occurredAt": "%s", "learnedAt": "%s"}"""
                .formatted(ladder.ago(Duration.ofDays(2)), ladder.ago(Duration.ofDays(1))));
        return id;
    }

    private UUID openDeadline(UUID complaintId, String role) {
        return jdbc.sql("select id from deadline where complaint_id = :c and role = :r and status = 'OPEN'")
                .param("c", complaintId).param("r", role).query(UUID.class).single();
    }

    /** Until another session waits for a lock this connection holds (H2 names the blocker of every waiting session). */
    private static void awaitBlockedBy(Connection holder) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < until) {
            try (PreparedStatement s = holder.prepareStatement(
                    "select count(*) from information_schema.sessions where blocker_id = session_id()");
                 ResultSet rs = s.executeQuery()) {
                rs.next();
                if (rs.getInt(1) > 0) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the reminder never waited for the complaint");
    }

    private static void execute(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.execute();
        }
    }

    private static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return s.executeUpdate();
        }
    }
}
