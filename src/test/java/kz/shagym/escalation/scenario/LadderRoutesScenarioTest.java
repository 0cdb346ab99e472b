package kz.shagym.escalation.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Each route of the ladder's BPMN, driven through the REST API: after each step the ledger's stage and deadlines, and
 * where the engine waits and what it passed.
 */
class LadderRoutesScenarioTest extends LadderScenario {

    @Test
    void registeredReportWaitsForTheInvestigationWithoutAnInventedClock() {
        UUID id = registeredYesterday();
        JsonNode registered = ladder.event(id, "{\"type\": \"REGISTERED\", \"occurredAt\": \"%s\"}".formatted(ladder.ago(Duration.ofHours(12))));
        assertThat(registered.get("stage").asText()).isEqualTo("INVESTIGATION");
        assertThat(ladder.deadline(id, "kz.upk.181.registration").get("status").asText()).isEqualTo("MET");
        runtime.awaitPassed(id, "Event_ReportRegistered", "CallActivity_FiledWithAuthority");
        runtime.awaitActive(id, "CallActivity_Investigation", "Task_AwaitInvestigationOutcome");
        runtime.awaitNotActive(id, "Timer_ForwardingDeadline");
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
        runtime.awaitPassed(id, "Event_ReportForwarded");
        runtime.awaitActive(id, "SubProcess_Challenge", "Task_AwaitProsecutorComplaintFiling", "Task_AwaitJudgeFiling");
        runtime.awaitTimerDueAt(id, "Timer_JudgeFilingDeadline", instant(courtTerm, "dueAt"));
        ladder.letter(id, "COMPLAINT_PROSECUTOR");
        ladder.letter(id, "COMPLAINT_INVESTIGATIVE_JUDGE");
        ladder.letter(id, "FORENSIC_EXAM_MOTION");
        ladder.letter(id, "COPY_REQUEST");
    }

    @Test
    void forwardingWithoutNoticeWaitsForInternalSecurityWhoseRefusalOpensTheChallenge() {
        UUID id = registeredYesterday();
        JsonNode check = ladder.event(id, """
                {"type": "FORWARDED_TO_INTERNAL_SECURITY", "occurredAt": "%s"}""".formatted(ladder.ago(Duration.ofHours(5))));
        assertThat(check.get("stage").asText()).isEqualTo("INTERNAL_SECURITY_CHECK");
        runtime.awaitActive(id, "CallActivity_InternalSecurityCheck", "Gateway_AwaitNotice");
        JsonNode decided = ladder.event(id, """
                {"type": "DECISION", "authority": "INTERNAL_SECURITY", "outcome": "REFUSED", "reason": "NOT_PROVEN",
                 "decidedAt": "%s", "learnedAt": "%s"}""".formatted(ladder.ago(Duration.ofHours(3)), ladder.ago(Duration.ofHours(1))));
        assertThat(decided.get("stage").asText()).isEqualTo("INVESTIGATIVE_JUDGE");
        runtime.awaitPassed(id, "Event_NoticeReceived");
        runtime.awaitActive(id, "Task_AwaitJudgeFiling");
    }

    @Test
    void refusalClimbsThroughProsecutorAndJudgeToAppealExhaustionAndTheCatFollowUp() {
        UUID id = registeredYesterday();
        JsonNode refused = ladder.event(id, """
                {"type": "DECISION", "authority": "INVESTIGATOR", "outcome": "REFUSED", "reason": "NO_CRIME",
                 "decidedAt": "%s", "learnedAt": "%s", "copyReceivedAt": "%s"}"""
                .formatted(ladder.ago(Duration.ofHours(5)), ladder.ago(Duration.ofHours(4)), ladder.ago(Duration.ofHours(4))));
        assertThat(refused.get("stage").asText()).isEqualTo("INVESTIGATIVE_JUDGE");
        runtime.awaitPassed(id, "Event_RegistrationRefused", "CallActivity_FiledWithAuthority");
        runtime.awaitActive(id, "CallActivity_ProsecutorComplaint", "Task_AwaitProsecutorComplaintFiling",
                "CallActivity_InvestigativeJudge", "Task_AwaitJudgeFiling");

        ladder.file(id, "COMPLAINT_PROSECUTOR", ladder.ago(Duration.ofHours(3)));
        runtime.awaitActive(id, "Task_AwaitProsecutorAnswer");
        ladder.file(id, "COMPLAINT_INVESTIGATIVE_JUDGE", ladder.ago(Duration.ofHours(1)));
        runtime.awaitPassed(id, "Task_AwaitJudgeFiling");
        runtime.awaitActive(id, "Task_AwaitJudgeDecision");
        assertThat(ladder.deadline(id, "kz.upk.106.file-complaint").get("status").asText()).isEqualTo("MET");

        JsonNode appeal = ladder.event(id, """
                {"type": "DECISION", "authority": "INVESTIGATIVE_JUDGE", "outcome": "REFUSED", "decidedAt": "%s", "copyReceivedAt": "%s"}"""
                .formatted(ladder.ago(Duration.ofMinutes(50)), ladder.ago(Duration.ofMinutes(40))));
        assertThat(appeal.get("stage").asText()).isEqualTo("APPEAL");
        runtime.awaitPassed(id, "Task_AwaitJudgeDecision", "CallActivity_InvestigativeJudge");
        runtime.awaitActive(id, "CallActivity_Appeal", "Task_AwaitAppealFiling");
        ladder.file(id, "APPEAL", ladder.ago(Duration.ofMinutes(30)));
        runtime.awaitActive(id, "Task_AwaitAppealDecision");

        JsonNode exhausted = ladder.event(id, """
                {"type": "DECISION", "authority": "APPEAL_COURT", "outcome": "REFUSED", "decidedAt": "%s", "copyReceivedAt": "%s"}"""
                .formatted(ladder.ago(Duration.ofMinutes(20)), ladder.ago(Duration.ofMinutes(10))));
        assertThat(exhausted.get("stage").asText()).isEqualTo("DOMESTIC_REMEDIES_EXHAUSTED");
        runtime.awaitPassed(id, "Escalation_ChallengeExhausted");
        runtime.awaitActive(id, "CallActivity_DomesticRemediesExhausted", "Task_AwaitUnSubmission");
        // The prosecutor never answered: exhaustion ends his route with the rest of the challenge.
        runtime.awaitNotActive(id, "SubProcess_Challenge", "CallActivity_ProsecutorComplaint", "Task_AwaitProsecutorAnswer");
        ladder.letter(id, "CAT_COMMUNICATION");
        ladder.letter(id, "HRC_COMMUNICATION");

        JsonNode submitted = ladder.event(id, """
                {"type": "UN_SUBMITTED", "committee": "CAT", "interimMeasures": true, "occurredAt": "%s"}"""
                .formatted(ladder.ago(Duration.ofMinutes(5))));
        assertThat(submitted.get("stage").asText()).isEqualTo("UN_COMMUNICATION");
        assertThat(submitted.get("committee").asText()).isEqualTo("CAT");
        ladder.letter(id, "INTERIM_MEASURES");
        runtime.awaitActive(id, "CallActivity_UnCommunication", "Gateway_AwaitTransmittal");
        JsonNode hrcLetter = findLetter(ladder.view(id), "HRC_COMMUNICATION");
        assertThat(hrcLetter.get("status").asText()).as("never both committees for one matter").isEqualTo("WITHDRAWN");

        ladder.event(id, "{\"type\": \"UN_TRANSMITTED\", \"occurredAt\": \"%s\"}".formatted(ladder.ago(Duration.ofMinutes(4))));
        runtime.awaitPassed(id, "Event_Transmitted");
        runtime.awaitActive(id, "Task_AwaitStateReply");
        JsonNode stateReply = ladder.deadline(id, "un.cat.22.state-reply");
        assertThat(stateReply.get("owedBy").asText()).isEqualTo("STATE");
        runtime.awaitTimerDueAt(id, "Timer_StateReplyDeadline", instant(stateReply, "dueAt"));
        ladder.event(id, "{\"type\": \"STATE_REPLY\", \"occurredAt\": \"%s\"}".formatted(ladder.ago(Duration.ofMinutes(3))));
        runtime.awaitActive(id, "Task_AwaitViews");
        String adopted = ladder.ago(Duration.ofMinutes(2));
        JsonNode views = ladder.event(id, "{\"type\": \"VIEWS_ADOPTED\", \"occurredAt\": \"%s\"}".formatted(adopted));
        assertThat(views.get("stage").asText()).isEqualTo("UN_FOLLOW_UP");
        runtime.awaitPassed(id, "CallActivity_UnCommunication");
        runtime.awaitActive(id, "CallActivity_UnFollowUp", "Task_AwaitFollowUpReply");
        JsonNode followUp = ladder.deadline(id, "un.cat.follow-up");
        assertThat(LocalDate.parse(followUp.get("lastDay").asText())).isEqualTo(localDate(adopted).plusDays(90));
        runtime.awaitTimerDueAt(id, "Timer_FollowUpDeadline", instant(followUp, "dueAt"));

        JsonNode done = ladder.event(id, "{\"type\": \"FOLLOW_UP_REPLY\", \"occurredAt\": \"%s\"}".formatted(ladder.ago(Duration.ofMinutes(1))));
        assertThat(done.get("stage").asText()).isEqualTo("CLOSED");
        runtime.awaitEnded(id);
        runtime.awaitPassed(id, "CallActivity_UnFollowUp");
        ladder.awaitHistory(id, "LADDER_COMPLETED", 1);
    }

    @Test
    void prosecutorsRefusalOpensTheCourtRouteAndHisGrantEndsTheChallenge() {
        UUID refusedFirst = registeredYesterday();
        ladder.event(refusedFirst, """
                {"type": "DECISION", "authority": "INVESTIGATOR", "outcome": "REFUSED", "decidedAt": "%s", "learnedAt": "%s",
                 "copyReceivedAt": "%s", "routes": ["PROSECUTOR"]}"""
                .formatted(ladder.ago(Duration.ofHours(5)), ladder.ago(Duration.ofHours(4)), ladder.ago(Duration.ofHours(4))));
        runtime.awaitActive(refusedFirst, "Event_JudgeRouteOpened", "Task_AwaitProsecutorComplaintFiling");
        ladder.file(refusedFirst, "COMPLAINT_PROSECUTOR", ladder.ago(Duration.ofHours(3)));
        runtime.awaitActive(refusedFirst, "Task_AwaitProsecutorAnswer");
        String refusalLearned = ladder.ago(Duration.ofHours(1));
        JsonNode court = ladder.event(refusedFirst, """
                {"type": "DECISION", "authority": "PROSECUTOR", "outcome": "REFUSED", "decidedAt": "%s", "learnedAt": "%s", "copyReceivedAt": "%s"}"""
                .formatted(ladder.ago(Duration.ofHours(2)), refusalLearned, refusalLearned));
        assertThat(court.get("stage").asText()).isEqualTo("INVESTIGATIVE_JUDGE");
        assertThat(ladder.deadline(refusedFirst, "kz.upk.106.file-complaint").get("lastDay").asText())
                .isEqualTo(localDate(refusalLearned).plusDays(15).toString());
        runtime.awaitPassed(refusedFirst, "Event_JudgeRouteOpened");
        runtime.awaitActive(refusedFirst, "Task_AwaitJudgeFiling");

        UUID granted = registeredYesterday();
        forwardedAndLearned(granted);
        ladder.file(granted, "COMPLAINT_PROSECUTOR", ladder.ago(Duration.ofHours(1)));
        runtime.awaitActive(granted, "Task_AwaitProsecutorAnswer", "Task_AwaitJudgeFiling");
        JsonNode registered = ladder.event(granted, """
                {"type": "DECISION", "authority": "PROSECUTOR", "outcome": "GRANTED", "decidedAt": "%s", "copyReceivedAt": "%s"}"""
                .formatted(ladder.ago(Duration.ofMinutes(30)), ladder.ago(Duration.ofMinutes(30))));
        assertThat(registered.get("stage").asText()).isEqualTo("INVESTIGATION");
        runtime.awaitPassed(granted, "Escalation_ChallengeRegistered");
        runtime.awaitActive(granted, "Task_AwaitInvestigationOutcome");
        runtime.awaitNotActive(granted, "SubProcess_Challenge", "Task_AwaitJudgeFiling");
        assertThat(ladder.deadline(granted, "kz.upk.106.file-complaint").get("status").asText()).isEqualTo("CANCELLED");

        // A terminated investigation is challenged again: the ladder loops back into the challenge.
        JsonNode again = ladder.event(granted, """
                {"type": "DECISION", "authority": "INVESTIGATOR", "outcome": "TERMINATED", "decidedAt": "%s", "learnedAt": "%s"}"""
                .formatted(ladder.ago(Duration.ofMinutes(20)), ladder.ago(Duration.ofMinutes(10))));
        assertThat(again.get("stage").asText()).isEqualTo("INVESTIGATIVE_JUDGE");
        runtime.awaitActive(granted, "SubProcess_Challenge", "Task_AwaitJudgeFiling");
    }

    @Test
    void courtsGrantingTheComplaintOrTheAppealSendTheCaseBackToInvestigation() {
        UUID judgeGrants = registeredYesterday();
        forwardedAndLearned(judgeGrants);
        ladder.file(judgeGrants, "COMPLAINT_INVESTIGATIVE_JUDGE", ladder.ago(Duration.ofHours(1)));
        runtime.awaitActive(judgeGrants, "Task_AwaitJudgeDecision");
        JsonNode granted = ladder.event(judgeGrants, """
                {"type": "DECISION", "authority": "INVESTIGATIVE_JUDGE", "outcome": "GRANTED", "decidedAt": "%s", "copyReceivedAt": "%s"}"""
                .formatted(ladder.ago(Duration.ofMinutes(30)), ladder.ago(Duration.ofMinutes(30))));
        assertThat(granted.get("stage").asText()).isEqualTo("INVESTIGATION");
        runtime.awaitActive(judgeGrants, "Task_AwaitInvestigationOutcome");

        UUID appealGrants = registeredYesterday();
        forwardedAndLearned(appealGrants);
        ladder.file(appealGrants, "COMPLAINT_INVESTIGATIVE_JUDGE", ladder.ago(Duration.ofHours(1)));
        ladder.event(appealGrants, """
                {"type": "DECISION", "authority": "INVESTIGATIVE_JUDGE", "outcome": "REFUSED", "decidedAt": "%s", "copyReceivedAt": "%s"}"""
                .formatted(ladder.ago(Duration.ofMinutes(50)), ladder.ago(Duration.ofMinutes(50))));
        ladder.file(appealGrants, "APPEAL", ladder.ago(Duration.ofMinutes(40)));
        runtime.awaitActive(appealGrants, "Task_AwaitAppealDecision");
        JsonNode back = ladder.event(appealGrants, """
                {"type": "DECISION", "authority": "APPEAL_COURT", "outcome": "GRANTED", "decidedAt": "%s", "copyReceivedAt": "%s"}"""
                .formatted(ladder.ago(Duration.ofMinutes(30)), ladder.ago(Duration.ofMinutes(30))));
        assertThat(back.get("stage").asText()).isEqualTo("INVESTIGATION");
        runtime.awaitPassed(appealGrants, "CallActivity_Appeal");
        runtime.awaitActive(appealGrants, "Task_AwaitInvestigationOutcome");
    }

    @Test
    void closingAComplaintEndsItsLadderAtAnyRung() {
        UUID id = registeredYesterday();
        forwardedAndLearned(id);
        runtime.awaitActive(id, "Task_AwaitJudgeFiling");
        JsonNode closed = ladder.event(id, "{\"type\": \"CLOSED\", \"occurredAt\": \"%s\", \"note\": \"client withdrew\"}"
                .formatted(ladder.ago(Duration.ofMinutes(1))));
        assertThat(closed.get("stage").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        runtime.awaitEnded(id);
        assertThat(ladder.eventResponse(id, "{\"type\": \"REGISTERED\", \"occurredAt\": \"%s\"}".formatted(ladder.ago(Duration.ofMinutes(1))))
                .getStatusCode().value()).isEqualTo(409);
    }
}
