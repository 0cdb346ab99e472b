package kz.shagym.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import kz.shagym.ShagymIntegrationTest;
import org.junit.jupiter.api.Test;

/** The appeal rung's own timers: the 3-сутки filing term (reminder, escalation) and the appeal court's silence. */
class AppealTimersTest extends ShagymIntegrationTest {

    private UUID atAppeal() {
        UUID id = ladder.register(ladder.ago(Duration.ofDays(3)));
        ladder.event(id, """
                {"type": "FORWARDED_TO_INTERNAL_SECURITY", "occurredAt": "%s", "learnedAt": "%s", "copyReceivedAt": "%s"}"""
                .formatted(ladder.ago(Duration.ofDays(2)), ladder.ago(Duration.ofDays(2)), ladder.ago(Duration.ofDays(2))));
        ladder.file(id, "COMPLAINT_INVESTIGATIVE_JUDGE", ladder.ago(Duration.ofDays(1)));
        ladder.event(id, """
                {"type": "DECISION", "authority": "INVESTIGATIVE_JUDGE", "outcome": "REFUSED", "decidedAt": "%s", "copyReceivedAt": "%s"}"""
                .formatted(ladder.ago(Duration.ofMinutes(30)), ladder.ago(Duration.ofMinutes(30))));
        ladder.awaitWaitingAt(id, "Task_AwaitAppealFiling");
        return id;
    }

    @Test
    void appealTermRemindsThenEscalatesAndTheLateAppealStillWaitsForTheCourt() {
        UUID id = atAppeal();
        ladder.advanceClock("P3D");
        ladder.awaitHistory(id, "REMINDER_DUE", "kz.upk.107.appeal", 1);
        ladder.advanceClock("P2D");
        ladder.awaitHistory(id, "DEADLINE_MISSED", "kz.upk.107.appeal", 1);
        assertThat(ladder.deadline(id, "kz.upk.107.appeal").get("status").asText()).isEqualTo("MISSED");
        ladder.letter(id, "RESTORE_TERM_MOTION");
        ladder.file(id, "APPEAL", ladder.ago(Duration.ofMinutes(10)));
        ladder.awaitWaitingAt(id, "Task_AwaitAppealDecision");
    }

    @Test
    void appealCourtsSilenceIsRecordedAndItsLateDecisionStillMovesTheLadder() {
        UUID id = atAppeal();
        ladder.file(id, "APPEAL", ladder.ago(Duration.ofMinutes(10)));
        ladder.awaitWaitingAt(id, "Task_AwaitAppealDecision");
        ladder.advanceClock("P12D");
        ladder.awaitHistory(id, "AUTHORITY_SILENT", "kz.upk.107.appeal-review", 1);
        ladder.awaitWaitingAt(id, "Task_AwaitLateAppealDecision");
        var exhausted = ladder.event(id, """
                {"type": "DECISION", "authority": "APPEAL_COURT", "outcome": "REFUSED", "decidedAt": "%s", "copyReceivedAt": "%s"}"""
                .formatted(ladder.ago(Duration.ofMinutes(5)), ladder.ago(Duration.ofMinutes(5))));
        assertThat(exhausted.get("stage").asText()).isEqualTo("DOMESTIC_REMEDIES_EXHAUSTED");
        ladder.awaitWaitingAt(id, "Task_AwaitUnSubmission");
    }
}
