package kz.shagym.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import kz.shagym.ShagymIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The in-memory engine never forgets a record: past its limit it is replaced and every open complaint resumed. */
class EngineReplacementTest extends ShagymIntegrationTest {

    @Autowired
    EngineSupervisor supervisor;
    @Autowired
    EngineGateway gateway;
    @Autowired
    EngineOutbox outbox;

    @Test
    void engineOverItsRecordLimitIsReplacedAndComplaintsResumeWhereTheyStood() {
        UUID waitingForAuthority = ladder.register(ladder.ago(Duration.ofHours(2)));
        UUID atCourt = ladder.register(ladder.ago(Duration.ofDays(2)));
        ladder.event(atCourt, """
                {"type": "FORWARDED_TO_INTERNAL_SECURITY", "occurredAt": "%s", "learnedAt": "%s"}"""
                .formatted(ladder.ago(Duration.ofDays(1)), ladder.ago(Duration.ofHours(3))));
        ladder.awaitWaitingAt(atCourt, "Task_AwaitJudgeFiling", "Task_AwaitProsecutorComplaintFiling");
        Set<String> courtBefore = ladder.activeElements(atCourt);
        int lettersBefore = ladder.view(atCourt).get("letters").size();
        int generation = engine.generation();

        assertThat(supervisor.replaceIfTooLarge(Long.MAX_VALUE, 1.0)).as("within limits: kept").isFalse();
        assertThat(supervisor.replaceIfTooLarge(1, 1.0)).as("over the record limit: replaced").isTrue();

        assertThat(engine.generation()).isEqualTo(generation + 1);
        assertThat(supervisor.health().getStatus().getCode()).isEqualTo("UP");
        ladder.awaitWaitingAt(waitingForAuthority, "Gateway_AwaitAuthorityResponse");
        ladder.awaitWaitingAt(atCourt, courtBefore.stream().filter(e -> e.startsWith("Task_Await")).toArray(String[]::new));
        assertThat(ladder.view(atCourt).get("letters").size()).as("no letter drafted twice").isEqualTo(lettersBefore);

        // Timers live on in the new engine.
        ladder.advanceClock("P5D");
        ladder.awaitHistory(waitingForAuthority, "AUTHORITY_SILENT", 1);
    }

    /** After a resume each rung skips what is already done: its "already filed?" and "where does it stand?" branches. */
    @Test
    void resumedRungsSkipToTheStepTheLedgerRecorded() {
        UUID prosecutorFiled = ladder.register(ladder.ago(Duration.ofDays(3)));
        ladder.event(prosecutorFiled, """
                {"type": "FORWARDED_TO_INTERNAL_SECURITY", "occurredAt": "%s", "learnedAt": "%s", "copyReceivedAt": "%s"}"""
                .formatted(ladder.ago(Duration.ofDays(2)), ladder.ago(Duration.ofDays(2)), ladder.ago(Duration.ofDays(2))));
        ladder.file(prosecutorFiled, "COMPLAINT_PROSECUTOR", ladder.ago(Duration.ofDays(1)));
        ladder.file(prosecutorFiled, "COMPLAINT_INVESTIGATIVE_JUDGE", ladder.ago(Duration.ofHours(20)));
        ladder.awaitWaitingAt(prosecutorFiled, "Task_AwaitProsecutorAnswer", "Task_AwaitJudgeDecision");

        UUID awaitingReply = UnLadderPathsTestSupport.exhausted(ladder, Duration.ofDays(30));
        ladder.event(awaitingReply, "{\"type\": \"UN_SUBMITTED\", \"committee\": \"HRC\", \"occurredAt\": \"%s\"}".formatted(ladder.ago(Duration.ofDays(20))));
        ladder.event(awaitingReply, "{\"type\": \"UN_TRANSMITTED\", \"occurredAt\": \"%s\"}".formatted(ladder.ago(Duration.ofDays(10))));
        ladder.awaitWaitingAt(awaitingReply, "Task_AwaitStateReply");
        UUID awaitingViews = UnLadderPathsTestSupport.exhausted(ladder, Duration.ofDays(30));
        ladder.event(awaitingViews, "{\"type\": \"UN_SUBMITTED\", \"committee\": \"CAT\", \"occurredAt\": \"%s\"}".formatted(ladder.ago(Duration.ofDays(20))));
        ladder.event(awaitingViews, "{\"type\": \"STATE_REPLY\", \"occurredAt\": \"%s\"}".formatted(ladder.ago(Duration.ofDays(10))));
        ladder.awaitWaitingAt(awaitingViews, "Task_AwaitViews");

        supervisor.replaceEngine("test: resume every rung's recorded step");

        ladder.awaitWaitingAt(prosecutorFiled, "Task_AwaitProsecutorAnswer", "Task_AwaitJudgeDecision");
        assertThat(ladder.activeElements(prosecutorFiled)).doesNotContain("Task_AwaitProsecutorComplaintFiling", "Task_AwaitJudgeFiling");
        ladder.awaitWaitingAt(awaitingReply, "Task_AwaitStateReply");
        assertThat(ladder.activeElements(awaitingReply)).doesNotContain("Gateway_AwaitTransmittal");
        ladder.awaitWaitingAt(awaitingViews, "Task_AwaitViews");
    }

    /**
     * An act recorded while the engine is being rebuilt from the ledger does not wait for the rebuild: the lawyer's
     * request returns, what the engine must hear waits in the outbox (table event_publication, written with the ledger
     * change), and reaches the running instance once the rebuild is over.
     */
    @Test
    void actRecordedWhileTheEngineIsBusyWaitsInTheOutboxAndReachesTheRunningInstanceAfterwards() throws Exception {
        UUID complaint = ladder.register(ladder.ago(Duration.ofDays(2)));
        ladder.awaitWaitingAt(complaint, "Gateway_AwaitAuthorityResponse");
        long waitingBefore = outbox.waiting();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread rebuild = new Thread(() -> supervisor.withEngineExclusive(() -> {
            holding.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        rebuild.start();
        try {
            holding.await();
            ladder.event(complaint, """
                    {"type": "FORWARDED_TO_INTERNAL_SECURITY", "occurredAt": "%s", "learnedAt": "%s"}"""
                    .formatted(ladder.ago(Duration.ofDays(1)), ladder.ago(Duration.ofHours(3))));
            assertThat(outbox.waiting()).as("the act's message waits in the outbox").isEqualTo(waitingBefore + 1);
            assertThat(supervisor.health().getDetails()).containsEntry("engineCommandsWaiting", waitingBefore + 1);
            outbox.redeliverAll();
            assertThat(outbox.waiting()).as("a redelivery the engine cannot take yet keeps the command").isEqualTo(waitingBefore + 1);
        } finally {
            release.countDown();
            rebuild.join();
        }
        outbox.redeliverAll();

        assertThat(outbox.waiting()).as("delivered, and gone from the outbox").isEqualTo(waitingBefore);
        ladder.awaitWaitingAt(complaint, "Task_AwaitJudgeFiling", "Task_AwaitProsecutorComplaintFiling");
    }

    /**
     * The engine's being down never fails a lawyer's request: the act waits in the outbox; the engine that comes back
     * empty is rebuilt from the ledger, which holds the act, and the outbox empties.
     */
    @Test
    void actRecordedWhileTheEngineIsDownIsInTheRebuiltEngineAndLeavesTheOutbox() {
        UUID complaint = ladder.register(ladder.ago(Duration.ofDays(2)));
        ladder.awaitWaitingAt(complaint, "Gateway_AwaitAuthorityResponse");
        long waitingBefore = outbox.waiting();
        engine.stop();
        ladder.event(complaint, """
                {"type": "FORWARDED_TO_INTERNAL_SECURITY", "occurredAt": "%s", "learnedAt": "%s"}"""
                .formatted(ladder.ago(Duration.ofDays(1)), ladder.ago(Duration.ofHours(3))));
        assertThat(outbox.waiting()).as("kept for the engine").isEqualTo(waitingBefore + 1);

        supervisor.replaceEngine("test: the engine is back, empty");

        assertThat(outbox.waiting()).isEqualTo(waitingBefore);
        ladder.awaitWaitingAt(complaint, "Task_AwaitJudgeFiling", "Task_AwaitProsecutorComplaintFiling");
    }
}
