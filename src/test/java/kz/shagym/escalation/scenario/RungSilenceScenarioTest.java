package kz.shagym.escalation.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Silence at each rung: every timer of the ladder is planned by the engine for exactly the instant the application
 * computed for its deadline, fires when time reaches that instant, and the ledger then shows what the silence means.
 */
class RungSilenceScenarioTest extends LadderScenario {

    @Test
    void authoritySilentForThreeSutkiOpensTheChallengeFromTheLapse() {
        UUID id = register(ladder.ago(Duration.ofHours(1)));
        Instant lapse = instant(deadlineOfRole(id, "AUTHORITY_RESPONSE"), "dueAt");
        assertThat(ladder.stage(id)).isEqualTo("FILED_WITH_AUTHORITY");

        timerFiresAt(id, "Timer_ForwardingDeadline", lapse);
        runtime.awaitPassed(id, "Task_RecordAuthoritySilence");
        ladder.awaitHistory(id, "AUTHORITY_SILENT", 1);
        assertThat(ladder.stage(id)).isEqualTo("INVESTIGATIVE_JUDGE");
        assertThat(ladder.deadline(id, "kz.upk.106.file-complaint").get("triggerKind").asText()).isEqualTo("AUTHORITY_SILENCE");
        runtime.awaitActive(id, "Task_AwaitJudgeFiling", "Task_AwaitProsecutorComplaintFiling");
    }

    @Test
    void internalSecurityThatNeverGivesNoticeOpensTheChallenge() {
        UUID id = registeredYesterday();
        ladder.event(id, """
                {"type": "FORWARDED_TO_INTERNAL_SECURITY", "occurredAt": "%s"}""".formatted(ladder.ago(Duration.ofHours(5))));
        runtime.awaitActive(id, "Gateway_AwaitNotice");
        Instant lapse = instant(deadlineOfRole(id, "AUTHORITY_NOTICE"), "dueAt");

        timerFiresAt(id, "Timer_NoticeDeadline", lapse);
        runtime.awaitPassed(id, "Task_RecordNoticeSilence");
        ladder.awaitHistory(id, "AUTHORITY_SILENT", 1);
        assertThat(ladder.stage(id)).isEqualTo("INVESTIGATIVE_JUDGE");
        assertThat(ladder.deadline(id, "kz.upk.106.file-complaint").get("triggerKind").asText()).isEqualTo("NOTICE_NOT_GIVEN");
        runtime.awaitActive(id, "Task_AwaitJudgeFiling");
    }

    @Test
    void prosecutorsAnswerIsOverdueAfterThreeSutkiAndHisSilenceOpensTheCourtRouteAfterFifteen() {
        UUID id = registeredYesterday();
        JsonNode refused = ladder.event(id, """
                {"type": "DECISION", "authority": "INVESTIGATOR", "outcome": "REFUSED", "reason": "NO_CRIME",
                 "decidedAt": "%s", "learnedAt": "%s", "copyReceivedAt": "%s", "routes": ["PROSECUTOR"]}"""
                .formatted(ladder.ago(Duration.ofHours(5)), ladder.ago(Duration.ofHours(4)), ladder.ago(Duration.ofHours(4))));
        assertThat(refused.get("stage").asText()).isEqualTo("PROSECUTOR_COMPLAINT");
        runtime.awaitActive(id, "Event_JudgeRouteOpened", "Task_AwaitProsecutorComplaintFiling");
        ladder.file(id, "COMPLAINT_PROSECUTOR", ladder.ago(Duration.ofHours(3)));
        runtime.awaitActive(id, "Task_AwaitProsecutorAnswer");

        timerFiresAt(id, "Timer_ProsecutorAnswerExpected", instant(deadlineOfRole(id, "ANSWER_EXPECTED"), "dueAt"));
        runtime.awaitPassed(id, "Task_RecordProsecutorAnswerOverdue");
        ladder.awaitHistory(id, "ANSWER_OVERDUE", 1);
        assertThat(ladder.stage(id)).isEqualTo("PROSECUTOR_COMPLAINT");
        runtime.awaitActive(id, "Task_AwaitProsecutorAnswer");

        timerFiresAt(id, "Timer_ProsecutorSilence", instant(deadlineOfRole(id, "PROSECUTOR_SILENCE"), "dueAt"));
        runtime.awaitPassed(id, "Task_RecordProsecutorSilence", "Event_JudgeRouteOpened");
        ladder.awaitHistory(id, "AUTHORITY_SILENT", 1);
        assertThat(ladder.stage(id)).isEqualTo("INVESTIGATIVE_JUDGE");
        assertThat(ladder.deadline(id, "kz.upk.106.file-complaint").get("triggerKind").asText()).isEqualTo("PROSECUTOR_SILENCE");
        runtime.awaitActive(id, "Task_AwaitJudgeFiling");
    }

    @Test
    void applicantsCourtTermRemindsThenEscalatesAndTheLateComplaintStillReachesTheJudge() {
        UUID id = registeredYesterday();
        forwardedAndLearned(id);
        runtime.awaitActive(id, "Task_AwaitJudgeFiling");
        JsonNode term = ladder.deadline(id, "kz.upk.106.file-complaint");

        timerFiresAt(id, "Timer_JudgeFilingReminder", instant(term, "reminderAt"));
        runtime.awaitPassed(id, "Task_RemindJudgeFiling");
        ladder.awaitHistory(id, "REMINDER_DUE", 1);
        assertThat(ladder.deadline(id, "kz.upk.106.file-complaint").get("status").asText()).isEqualTo("OPEN");

        timerFiresAt(id, "Timer_JudgeFilingDeadline", instant(term, "dueAt"));
        runtime.awaitPassed(id, "Task_EscalateJudgeFiling");
        ladder.awaitHistory(id, "DEADLINE_MISSED", 1);
        assertThat(ladder.deadline(id, "kz.upk.106.file-complaint").get("status").asText()).isEqualTo("MISSED");
        ladder.letter(id, "RESTORE_TERM_MOTION");

        // A late complaint can still be filed, with the motion to restore the term: here an hour after the last day ended.
        runtime.moveTimeTo(instant(term, "dueAt").plus(Duration.ofHours(1)));
        ladder.file(id, "COMPLAINT_INVESTIGATIVE_JUDGE", ladder.ago(Duration.ofMinutes(5)));
        runtime.awaitActive(id, "Task_AwaitJudgeDecision");
        assertThat(ladder.deadline(id, "kz.upk.106.file-complaint").get("status").asText()).isEqualTo("MISSED");
        assertThat(ladder.historyCount(id, "REMINDER_DUE")).isEqualTo(1);
    }

    @Test
    void courtsSilenceIsRecordedAndTheRouteKeepsWaitingForItsDecision() {
        UUID id = registeredYesterday();
        forwardedAndLearned(id);
        ladder.file(id, "COMPLAINT_INVESTIGATIVE_JUDGE", ladder.ago(Duration.ofHours(1)));
        runtime.awaitActive(id, "Task_AwaitJudgeDecision");

        timerFiresAt(id, "Timer_JudgeDecisionExpected", instant(ladder.deadline(id, "kz.upk.106.judge-decision"), "dueAt"));
        runtime.awaitPassed(id, "Task_RecordJudgeSilence");
        ladder.awaitHistory(id, "AUTHORITY_SILENT", 1);
        runtime.awaitActive(id, "Task_AwaitLateJudgeDecision");
        assertThat(ladder.deadline(id, "kz.upk.106.judge-decision").get("status").asText()).isEqualTo("MISSED");
        JsonNode appeal = ladder.event(id, """
                {"type": "DECISION", "authority": "INVESTIGATIVE_JUDGE", "outcome": "REFUSED", "decidedAt": "%s", "copyReceivedAt": "%s"}"""
                .formatted(ladder.ago(Duration.ofMinutes(30)), ladder.ago(Duration.ofMinutes(30))));
        assertThat(appeal.get("stage").asText()).isEqualTo("APPEAL");
        runtime.awaitActive(id, "Task_AwaitAppealFiling");
    }

    @Test
    void appealTermRemindsThenEscalatesAndTheLateAppealStillWaitsForTheCourt() {
        UUID id = atAppeal();
        JsonNode term = ladder.deadline(id, "kz.upk.107.appeal");

        timerFiresAt(id, "Timer_AppealFilingReminder", instant(term, "reminderAt"));
        runtime.awaitPassed(id, "Task_RemindAppealFiling");
        ladder.awaitHistory(id, "REMINDER_DUE", "kz.upk.107.appeal", 1);

        timerFiresAt(id, "Timer_AppealFilingDeadline", instant(term, "dueAt"));
        runtime.awaitPassed(id, "Task_EscalateAppealFiling");
        ladder.awaitHistory(id, "DEADLINE_MISSED", "kz.upk.107.appeal", 1);
        assertThat(ladder.deadline(id, "kz.upk.107.appeal").get("status").asText()).isEqualTo("MISSED");
        ladder.letter(id, "RESTORE_TERM_MOTION");
        // filed an hour after the last day ended
        runtime.moveTimeTo(instant(term, "dueAt").plus(Duration.ofHours(1)));
        ladder.file(id, "APPEAL", ladder.ago(Duration.ofMinutes(10)));
        runtime.awaitActive(id, "Task_AwaitAppealDecision");
        assertThat(ladder.deadline(id, "kz.upk.107.appeal").get("status").asText()).isEqualTo("MISSED");
    }

    @Test
    void appealCourtsSilenceIsRecordedAndItsLateDecisionStillMovesTheLadder() {
        UUID id = atAppeal();
        ladder.file(id, "APPEAL", ladder.ago(Duration.ofMinutes(10)));
        runtime.awaitActive(id, "Task_AwaitAppealDecision");

        timerFiresAt(id, "Timer_AppealDecisionExpected", instant(ladder.deadline(id, "kz.upk.107.appeal-review"), "dueAt"));
        runtime.awaitPassed(id, "Task_RecordAppealSilence");
        ladder.awaitHistory(id, "AUTHORITY_SILENT", "kz.upk.107.appeal-review", 1);
        runtime.awaitActive(id, "Task_AwaitLateAppealDecision");
        JsonNode exhausted = ladder.event(id, """
                {"type": "DECISION", "authority": "APPEAL_COURT", "outcome": "REFUSED", "decidedAt": "%s", "copyReceivedAt": "%s"}"""
                .formatted(ladder.ago(Duration.ofMinutes(5)), ladder.ago(Duration.ofMinutes(5))));
        assertThat(exhausted.get("stage").asText()).isEqualTo("DOMESTIC_REMEDIES_EXHAUSTED");
        runtime.awaitActive(id, "Task_AwaitUnSubmission");
    }

    @Test
    void threeYearsAfterExhaustionWithoutASubmissionWarnThatTheCatMayFindTheDelayUnreasonable() {
        // Exhausted three years less twenty days ago: the CAT warning is twenty days ahead.
        UUID id = exhausted(Duration.ofDays(3 * 365 - 20));
        JsonNode warning = ladder.deadline(id, "un.cat.delay-warning");
        assertThat(warning.get("status").asText()).isEqualTo("OPEN");

        timerFiresAt(id, "Timer_CatDelayWarning", instant(warning, "dueAt"));
        runtime.awaitPassed(id, "Task_WarnCatDelay");
        ladder.awaitHistory(id, "REMINDER_DUE", "un.cat.delay-warning", 1);
        // A warning, not a bar: the ladder still waits for the submission.
        runtime.awaitActive(id, "Task_AwaitUnSubmission");
        assertThat(ladder.stage(id)).isEqualTo("DOMESTIC_REMEDIES_EXHAUSTED");
    }

    @Test
    void statesSilenceOnTheCatCommunicationAndOnTheFollowUpAreRecordedAndTheLadderWaitsOn() {
        UUID id = exhausted(Duration.ofDays(200));
        ladder.event(id, "{\"type\": \"UN_SUBMITTED\", \"committee\": \"CAT\", \"occurredAt\": \"%s\"}".formatted(ladder.ago(Duration.ofDays(190))));
        ladder.event(id, "{\"type\": \"UN_TRANSMITTED\", \"occurredAt\": \"%s\"}".formatted(ladder.ago(Duration.ofDays(180))));
        runtime.awaitActive(id, "Task_AwaitStateReply");
        JsonNode reply = ladder.deadline(id, "un.cat.22.state-reply");
        assertThat(reply.get("owedBy").asText()).isEqualTo("STATE");

        timerFiresAt(id, "Timer_StateReplyDeadline", instant(reply, "dueAt"));
        runtime.awaitPassed(id, "Task_RecordStateSilence");
        ladder.awaitHistory(id, "AUTHORITY_SILENT", 1);
        runtime.awaitActive(id, "Task_AwaitViews");
        assertThat(ladder.deadline(id, "un.cat.22.state-reply").get("status").asText()).isEqualTo("MISSED");

        ladder.event(id, "{\"type\": \"VIEWS_ADOPTED\", \"occurredAt\": \"%s\"}".formatted(ladder.ago(Duration.ofHours(1))));
        runtime.awaitActive(id, "Task_AwaitFollowUpReply");
        JsonNode followUp = ladder.deadline(id, "un.cat.follow-up");
        assertThat(followUp.get("owedBy").asText()).isEqualTo("STATE");

        timerFiresAt(id, "Timer_FollowUpDeadline", instant(followUp, "dueAt"));
        runtime.awaitPassed(id, "Task_RecordFollowUpSilence");
        ladder.awaitHistory(id, "AUTHORITY_SILENT", 2);
        runtime.awaitActive(id, "Task_AwaitLateFollowUpReply");
        assertThat(ladder.deadline(id, "un.cat.follow-up").get("status").asText()).isEqualTo("MISSED");
        ladder.event(id, "{\"type\": \"FOLLOW_UP_REPLY\", \"occurredAt\": \"%s\"}".formatted(ladder.ago(Duration.ofHours(1))));
        runtime.awaitEnded(id);
        assertThat(ladder.stage(id)).isEqualTo("CLOSED");
    }
}
