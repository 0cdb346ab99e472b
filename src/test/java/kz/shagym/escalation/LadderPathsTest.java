package kz.shagym.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import kz.shagym.ShagymIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * Walks every path of the ladder's BPMN through the REST API, checking after each step both the ledger's stage and
 * where the engine waits. Timers are fired by advancing the shared clock (engine and application together).
 */
class LadderPathsTest extends ShagymIntegrationTest {

    private static final Duration DAY = Duration.ofDays(1);

    private UUID registeredYesterday() {
        return ladder.register(ladder.ago(DAY));
    }

    private void forwardedAndLearned(UUID id) {
        ladder.event(id, """
                {"type": "FORWARDED_TO_INTERNAL_SECURITY", "occurredAt": "%s", "learnedAt": "%s"}"""
                .formatted(ladder.ago(Duration.ofHours(20)), ladder.ago(Duration.ofHours(2))));
    }

    private static LocalDate localDate(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toLocalDate();
    }

    @Test
    void forwardingToInternalSecurityOpensBothRoutesWithTheCourtClockFromLearning() {
        UUID id = registeredYesterday();
        String learned = ladder.ago(Duration.ofHours(2));
        JsonNode state = ladder.event(id, """
                {"type": "FORWARDED_TO_INTERNAL_SECURITY", "occurredAt": "%s", "learnedAt": "%s"}"""
                .formatted(ladder.ago(Duration.ofHours(20)), learned));

        assertThat(state.get("stage").asText()).isEqualTo("INVESTIGATIVE_JUDGE");
        JsonNode courtTerm = ladder.deadline(id, "kz.upk.106.file-complaint");
        // 15 сутки from the day the applicant learned of the forwarding, that day not counted.
        assertThat(courtTerm.get("lastDay").asText()).isEqualTo(localDate(learned).plusDays(15).toString());
        assertThat(courtTerm.get("owedBy").asText()).isEqualTo("APPLICANT");
        assertThat(courtTerm.get("status").asText()).isEqualTo("OPEN");
        ladder.awaitWaitingAt(id, "SubProcess_Challenge", "Task_AwaitProsecutorComplaintFiling", "Task_AwaitJudgeFiling");
        ladder.letter(id, "COMPLAINT_PROSECUTOR");
        ladder.letter(id, "COMPLAINT_INVESTIGATIVE_JUDGE");
        ladder.letter(id, "FORENSIC_EXAM_MOTION");
        ladder.letter(id, "COPY_REQUEST");
    }

    @Test
    void complaintClimbsFromFilingToCatFollowUpWithInterimMeasures() {
        UUID id = registeredYesterday();
        forwardedAndLearned(id);
        ladder.awaitWaitingAt(id, "Task_AwaitJudgeFiling");

        ladder.file(id, "COMPLAINT_INVESTIGATIVE_JUDGE", ladder.ago(Duration.ofHours(1)));
        ladder.awaitWaitingAt(id, "Task_AwaitJudgeDecision");
        assertThat(ladder.deadline(id, "kz.upk.106.file-complaint").get("status").asText()).isEqualTo("MET");

        JsonNode appeal = ladder.event(id, """
                {"type": "DECISION", "authority": "INVESTIGATIVE_JUDGE", "outcome": "REFUSED", "decidedAt": "%s", "copyReceivedAt": "%s"}"""
                .formatted(ladder.ago(Duration.ofMinutes(50)), ladder.ago(Duration.ofMinutes(40))));
        assertThat(appeal.get("stage").asText()).isEqualTo("APPEAL");
        ladder.awaitWaitingAt(id, "Task_AwaitAppealFiling");
        ladder.file(id, "APPEAL", ladder.ago(Duration.ofMinutes(30)));
        ladder.awaitWaitingAt(id, "Task_AwaitAppealDecision");

        JsonNode exhausted = ladder.event(id, """
                {"type": "DECISION", "authority": "APPEAL_COURT", "outcome": "REFUSED", "decidedAt": "%s", "copyReceivedAt": "%s"}"""
                .formatted(ladder.ago(Duration.ofMinutes(20)), ladder.ago(Duration.ofMinutes(10))));
        assertThat(exhausted.get("stage").asText()).isEqualTo("DOMESTIC_REMEDIES_EXHAUSTED");
        ladder.awaitWaitingAt(id, "Task_AwaitUnSubmission");
        assertThat(ladder.activeElements(id)).doesNotContain("SubProcess_Challenge", "CallActivity_ProsecutorComplaint");
        ladder.letter(id, "CAT_COMMUNICATION");
        ladder.letter(id, "HRC_COMMUNICATION");

        JsonNode submitted = ladder.event(id, """
                {"type": "UN_SUBMITTED", "committee": "CAT", "interimMeasures": true, "occurredAt": "%s"}"""
                .formatted(ladder.ago(Duration.ofMinutes(5))));
        assertThat(submitted.get("stage").asText()).isEqualTo("UN_COMMUNICATION");
        assertThat(submitted.get("committee").asText()).isEqualTo("CAT");
        ladder.letter(id, "INTERIM_MEASURES");
        ladder.awaitWaitingAt(id, "Gateway_AwaitTransmittal");
        assertThat(ladder.view(id).get("letters").findValuesAsText("kind")).contains("HRC_COMMUNICATION");
        JsonNode hrcLetter = findLetter(ladder.view(id), "HRC_COMMUNICATION");
        assertThat(hrcLetter.get("status").asText()).as("never both committees for one matter").isEqualTo("WITHDRAWN");

        ladder.event(id, "{\"type\": \"UN_TRANSMITTED\", \"occurredAt\": \"%s\"}".formatted(ladder.ago(Duration.ofMinutes(4))));
        ladder.awaitWaitingAt(id, "Task_AwaitStateReply");
        assertThat(ladder.deadline(id, "un.cat.22.state-reply").get("owedBy").asText()).isEqualTo("STATE");
        ladder.event(id, "{\"type\": \"STATE_REPLY\", \"occurredAt\": \"%s\"}".formatted(ladder.ago(Duration.ofMinutes(3))));
        ladder.awaitWaitingAt(id, "Task_AwaitViews");
        JsonNode views = ladder.event(id, "{\"type\": \"VIEWS_ADOPTED\", \"occurredAt\": \"%s\"}".formatted(ladder.ago(Duration.ofMinutes(2))));
        assertThat(views.get("stage").asText()).isEqualTo("UN_FOLLOW_UP");
        ladder.awaitWaitingAt(id, "Task_AwaitFollowUpReply");
        JsonNode followUp = ladder.deadline(id, "un.cat.follow-up");
        assertThat(LocalDate.parse(followUp.get("lastDay").asText()))
                .isEqualTo(localDate(ladder.ago(Duration.ofMinutes(2))).plusDays(90));

        JsonNode done = ladder.event(id, "{\"type\": \"FOLLOW_UP_REPLY\", \"occurredAt\": \"%s\"}".formatted(ladder.ago(Duration.ofMinutes(1))));
        assertThat(done.get("stage").asText()).isEqualTo("CLOSED");
        ladder.awaitEnded(id);
        ladder.awaitHistory(id, "LADDER_COMPLETED", 1);
    }

    @Test
    void authoritySilenceForThreeSutkiOpensTheChallengeFromTheLapse() {
        UUID id = ladder.register(ladder.ago(Duration.ofHours(1)));
        ladder.advanceClock("P5D");
        ladder.awaitHistory(id, "AUTHORITY_SILENT", 1);
        assertThat(ladder.stage(id)).isEqualTo("INVESTIGATIVE_JUDGE");
        assertThat(ladder.deadline(id, "kz.upk.106.file-complaint").get("triggerKind").asText()).isEqualTo("AUTHORITY_SILENCE");
        ladder.awaitWaitingAt(id, "Task_AwaitJudgeFiling", "Task_AwaitProsecutorComplaintFiling");
    }

    @Test
    void forwardingWithoutNoticeWaitsForInternalSecurityThenChallenges() {
        UUID notified = registeredYesterday();
        JsonNode check = ladder.event(notified, """
                {"type": "FORWARDED_TO_INTERNAL_SECURITY", "occurredAt": "%s"}""".formatted(ladder.ago(Duration.ofHours(5))));
        assertThat(check.get("stage").asText()).isEqualTo("INTERNAL_SECURITY_CHECK");
        ladder.awaitWaitingAt(notified, "Gateway_AwaitNotice");
        JsonNode decided = ladder.event(notified, """
                {"type": "DECISION", "authority": "INTERNAL_SECURITY", "outcome": "REFUSED", "reason": "NOT_PROVEN",
                 "decidedAt": "%s", "learnedAt": "%s"}""".formatted(ladder.ago(Duration.ofHours(3)), ladder.ago(Duration.ofHours(1))));
        assertThat(decided.get("stage").asText()).isEqualTo("INVESTIGATIVE_JUDGE");
        ladder.awaitWaitingAt(notified, "Task_AwaitJudgeFiling");

        UUID neverNotified = registeredYesterday();
        ladder.event(neverNotified, """
                {"type": "FORWARDED_TO_INTERNAL_SECURITY", "occurredAt": "%s"}""".formatted(ladder.ago(Duration.ofHours(5))));
        ladder.awaitWaitingAt(neverNotified, "Gateway_AwaitNotice");
        ladder.advanceClock("P5D");
        ladder.awaitHistory(neverNotified, "AUTHORITY_SILENT", 1);
        assertThat(ladder.stage(neverNotified)).isEqualTo("INVESTIGATIVE_JUDGE");
        assertThat(ladder.deadline(neverNotified, "kz.upk.106.file-complaint").get("triggerKind").asText()).isEqualTo("NOTICE_NOT_GIVEN");
    }

    @Test
    void prosecutorRouteFirstOpensTheCourtRouteAfterFifteenSutkiOfSilence() {
        UUID id = registeredYesterday();
        JsonNode refused = ladder.event(id, """
                {"type": "DECISION", "authority": "INVESTIGATOR", "outcome": "REFUSED", "reason": "NO_CRIME",
                 "decidedAt": "%s", "learnedAt": "%s", "copyReceivedAt": "%s", "routes": ["PROSECUTOR"]}"""
                .formatted(ladder.ago(Duration.ofHours(5)), ladder.ago(Duration.ofHours(4)), ladder.ago(Duration.ofHours(4))));
        assertThat(refused.get("stage").asText()).isEqualTo("PROSECUTOR_COMPLAINT");
        ladder.awaitWaitingAt(id, "Event_JudgeRouteOpened", "Task_AwaitProsecutorComplaintFiling");

        ladder.file(id, "COMPLAINT_PROSECUTOR", ladder.ago(Duration.ofHours(3)));
        ladder.awaitWaitingAt(id, "Task_AwaitProsecutorAnswer");
        ladder.advanceClock("P5D");
        ladder.awaitHistory(id, "ANSWER_OVERDUE", 1);
        assertThat(ladder.stage(id)).isEqualTo("PROSECUTOR_COMPLAINT");

        ladder.advanceClock("P12D");
        ladder.awaitHistory(id, "AUTHORITY_SILENT", 1);
        assertThat(ladder.stage(id)).isEqualTo("INVESTIGATIVE_JUDGE");
        assertThat(ladder.deadline(id, "kz.upk.106.file-complaint").get("triggerKind").asText()).isEqualTo("PROSECUTOR_SILENCE");
        ladder.awaitWaitingAt(id, "Task_AwaitJudgeFiling");
    }

    @Test
    void prosecutorsRefusalOpensTheCourtRouteAndHisGrantEndsTheChallenge() {
        UUID refusedFirst = registeredYesterday();
        ladder.event(refusedFirst, """
                {"type": "DECISION", "authority": "INVESTIGATOR", "outcome": "REFUSED", "decidedAt": "%s", "learnedAt": "%s",
                 "copyReceivedAt": "%s", "routes": ["PROSECUTOR"]}"""
                .formatted(ladder.ago(Duration.ofHours(5)), ladder.ago(Duration.ofHours(4)), ladder.ago(Duration.ofHours(4))));
        ladder.file(refusedFirst, "COMPLAINT_PROSECUTOR", ladder.ago(Duration.ofHours(3)));
        ladder.awaitWaitingAt(refusedFirst, "Task_AwaitProsecutorAnswer");
        String refusalLearned = ladder.ago(Duration.ofHours(1));
        JsonNode court = ladder.event(refusedFirst, """
                {"type": "DECISION", "authority": "PROSECUTOR", "outcome": "REFUSED", "decidedAt": "%s", "learnedAt": "%s", "copyReceivedAt": "%s"}"""
                .formatted(ladder.ago(Duration.ofHours(2)), refusalLearned, refusalLearned));
        assertThat(court.get("stage").asText()).isEqualTo("INVESTIGATIVE_JUDGE");
        assertThat(ladder.deadline(refusedFirst, "kz.upk.106.file-complaint").get("lastDay").asText())
                .isEqualTo(localDate(refusalLearned).plusDays(15).toString());
        ladder.awaitWaitingAt(refusedFirst, "Task_AwaitJudgeFiling");

        UUID granted = registeredYesterday();
        forwardedAndLearned(granted);
        ladder.file(granted, "COMPLAINT_PROSECUTOR", ladder.ago(Duration.ofHours(1)));
        ladder.awaitWaitingAt(granted, "Task_AwaitProsecutorAnswer", "Task_AwaitJudgeFiling");
        JsonNode registered = ladder.event(granted, """
                {"type": "DECISION", "authority": "PROSECUTOR", "outcome": "GRANTED", "decidedAt": "%s", "copyReceivedAt": "%s"}"""
                .formatted(ladder.ago(Duration.ofMinutes(30)), ladder.ago(Duration.ofMinutes(30))));
        assertThat(registered.get("stage").asText()).isEqualTo("INVESTIGATION");
        ladder.awaitWaitingAt(granted, "Task_AwaitInvestigationOutcome");
        assertThat(ladder.activeElements(granted)).doesNotContain("SubProcess_Challenge", "Task_AwaitJudgeFiling");
        assertThat(ladder.deadline(granted, "kz.upk.106.file-complaint").get("status").asText()).isEqualTo("CANCELLED");

        // A terminated investigation is challenged again: the ladder loops back into the challenge.
        JsonNode again = ladder.event(granted, """
                {"type": "DECISION", "authority": "INVESTIGATOR", "outcome": "TERMINATED", "decidedAt": "%s", "learnedAt": "%s"}"""
                .formatted(ladder.ago(Duration.ofMinutes(20)), ladder.ago(Duration.ofMinutes(10))));
        assertThat(again.get("stage").asText()).isEqualTo("INVESTIGATIVE_JUDGE");
        ladder.awaitWaitingAt(granted, "SubProcess_Challenge", "Task_AwaitJudgeFiling");
    }

    @Test
    void registeredReportWaitsForTheInvestigationWithoutAnInventedClock() {
        UUID id = registeredYesterday();
        JsonNode registered = ladder.event(id, "{\"type\": \"REGISTERED\", \"occurredAt\": \"%s\"}".formatted(ladder.ago(Duration.ofHours(12))));
        assertThat(registered.get("stage").asText()).isEqualTo("INVESTIGATION");
        assertThat(ladder.deadline(id, "kz.upk.181.registration").get("status").asText()).isEqualTo("MET");
        ladder.awaitWaitingAt(id, "Task_AwaitInvestigationOutcome");
    }

    @Test
    void courtsGrantingTheComplaintOrTheAppealSendTheCaseBackToInvestigation() {
        UUID judgeGrants = registeredYesterday();
        forwardedAndLearned(judgeGrants);
        ladder.file(judgeGrants, "COMPLAINT_INVESTIGATIVE_JUDGE", ladder.ago(Duration.ofHours(1)));
        ladder.awaitWaitingAt(judgeGrants, "Task_AwaitJudgeDecision");
        JsonNode granted = ladder.event(judgeGrants, """
                {"type": "DECISION", "authority": "INVESTIGATIVE_JUDGE", "outcome": "GRANTED", "decidedAt": "%s", "copyReceivedAt": "%s"}"""
                .formatted(ladder.ago(Duration.ofMinutes(30)), ladder.ago(Duration.ofMinutes(30))));
        assertThat(granted.get("stage").asText()).isEqualTo("INVESTIGATION");
        ladder.awaitWaitingAt(judgeGrants, "Task_AwaitInvestigationOutcome");

        UUID appealGrants = registeredYesterday();
        forwardedAndLearned(appealGrants);
        ladder.file(appealGrants, "COMPLAINT_INVESTIGATIVE_JUDGE", ladder.ago(Duration.ofHours(1)));
        ladder.event(appealGrants, """
                {"type": "DECISION", "authority": "INVESTIGATIVE_JUDGE", "outcome": "REFUSED", "decidedAt": "%s", "copyReceivedAt": "%s"}"""
                .formatted(ladder.ago(Duration.ofMinutes(50)), ladder.ago(Duration.ofMinutes(50))));
        ladder.file(appealGrants, "APPEAL", ladder.ago(Duration.ofMinutes(40)));
        ladder.awaitWaitingAt(appealGrants, "Task_AwaitAppealDecision");
        JsonNode back = ladder.event(appealGrants, """
                {"type": "DECISION", "authority": "APPEAL_COURT", "outcome": "GRANTED", "decidedAt": "%s", "copyReceivedAt": "%s"}"""
                .formatted(ladder.ago(Duration.ofMinutes(30)), ladder.ago(Duration.ofMinutes(30))));
        assertThat(back.get("stage").asText()).isEqualTo("INVESTIGATION");
        ladder.awaitWaitingAt(appealGrants, "Task_AwaitInvestigationOutcome");
    }

    @Test
    void applicantsCourtTermRemindsThenEscalatesAndDraftsTheRestoreTermMotion() {
        UUID id = registeredYesterday();
        forwardedAndLearned(id);
        ladder.awaitWaitingAt(id, "Task_AwaitJudgeFiling");
        JsonNode term = ladder.deadline(id, "kz.upk.106.file-complaint");
        assertThat(term.get("reminderAt").asText()).isNotBlank();

        ladder.advanceClock("P10D");
        ladder.awaitHistory(id, "REMINDER_DUE", 1);
        assertThat(ladder.deadline(id, "kz.upk.106.file-complaint").get("status").asText()).isEqualTo("OPEN");

        ladder.advanceClock("P7D");
        ladder.awaitHistory(id, "DEADLINE_MISSED", 1);
        assertThat(ladder.deadline(id, "kz.upk.106.file-complaint").get("status").asText()).isEqualTo("MISSED");
        ladder.letter(id, "RESTORE_TERM_MOTION");

        // A late complaint can still be filed, with the motion to restore the term.
        ladder.file(id, "COMPLAINT_INVESTIGATIVE_JUDGE", ladder.ago(Duration.ofMinutes(5)));
        ladder.awaitWaitingAt(id, "Task_AwaitJudgeDecision");
        assertThat(ladder.deadline(id, "kz.upk.106.file-complaint").get("status").asText()).isEqualTo("MISSED");
        assertThat(ladder.historyCount(id, "REMINDER_DUE")).isEqualTo(1);
    }

    @Test
    void courtsSilenceIsRecordedAndTheRouteKeepsWaitingForItsDecision() {
        UUID id = registeredYesterday();
        forwardedAndLearned(id);
        ladder.file(id, "COMPLAINT_INVESTIGATIVE_JUDGE", ladder.ago(Duration.ofHours(1)));
        ladder.awaitWaitingAt(id, "Task_AwaitJudgeDecision");
        ladder.advanceClock("P12D");
        ladder.awaitHistory(id, "AUTHORITY_SILENT", 1);
        ladder.awaitWaitingAt(id, "Task_AwaitLateJudgeDecision");
        assertThat(ladder.deadline(id, "kz.upk.106.judge-decision").get("status").asText()).isEqualTo("MISSED");
        JsonNode appeal = ladder.event(id, """
                {"type": "DECISION", "authority": "INVESTIGATIVE_JUDGE", "outcome": "REFUSED", "decidedAt": "%s", "copyReceivedAt": "%s"}"""
                .formatted(ladder.ago(Duration.ofMinutes(30)), ladder.ago(Duration.ofMinutes(30))));
        assertThat(appeal.get("stage").asText()).isEqualTo("APPEAL");
        ladder.awaitWaitingAt(id, "Task_AwaitAppealFiling");
    }

    @Test
    void closingAComplaintEndsItsLadderAtAnyRung() {
        UUID id = registeredYesterday();
        forwardedAndLearned(id);
        ladder.awaitWaitingAt(id, "Task_AwaitJudgeFiling");
        JsonNode closed = ladder.event(id, "{\"type\": \"CLOSED\", \"occurredAt\": \"%s\", \"note\": \"client withdrew\"}"
                .formatted(ladder.ago(Duration.ofMinutes(1))));
        assertThat(closed.get("stage").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        ladder.awaitEnded(id);
        assertThat(ladder.eventResponse(id, "{\"type\": \"REGISTERED\", \"occurredAt\": \"%s\"}".formatted(ladder.ago(Duration.ofMinutes(1))))
                .getStatusCode().value()).isEqualTo(409);
    }

    static JsonNode findLetter(JsonNode view, String kind) {
        for (JsonNode letter : view.get("letters")) {
            if (kind.equals(letter.get("kind").asText())) {
                return letter;
            }
        }
        throw new AssertionError("no " + kind + " letter");
    }
}
