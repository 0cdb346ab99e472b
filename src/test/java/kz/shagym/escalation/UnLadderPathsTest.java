package kz.shagym.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.UUID;
import kz.shagym.ShagymIntegrationTest;
import kz.shagym.escalation.scenario.LadderScenario;
import org.junit.jupiter.api.Test;

/** The UN end of the ladder: HRC vs CAT, the State's silence, Views without a reply, the follow-up, the HRC limit. */
class UnLadderPathsTest extends ShagymIntegrationTest {

    private UUID exhaustedAgo(Duration exhaustedAgo) {
        return UnLadderPathsTestSupport.exhausted(ladder, exhaustedAgo);
    }

    @Test
    void hrcCommunicationRecordsTheStatesSilenceAndItsSilenceOnFollowUp() {
        UUID id = exhaustedAgo(Duration.ofDays(30));
        JsonNode filed = ladder.file(id, "HRC_COMMUNICATION", ladder.ago(Duration.ofDays(20)));
        assertThat(filed.get("stage").asText()).isEqualTo("UN_COMMUNICATION");
        assertThat(filed.get("committee").asText()).isEqualTo("HRC");
        assertThat(LadderScenario.findLetter(ladder.view(id), "CAT_COMMUNICATION").get("status").asText()).isEqualTo("WITHDRAWN");
        ladder.awaitWaitingAt(id, "Gateway_AwaitTransmittal");
        assertThat(ladder.activeElements(id)).doesNotContain("Task_DraftInterimMeasures");

        ladder.event(id, "{\"type\": \"UN_TRANSMITTED\", \"occurredAt\": \"%s\"}".formatted(ladder.ago(Duration.ofDays(10))));
        ladder.awaitWaitingAt(id, "Task_AwaitStateReply");
        ladder.advanceClock("P190D");
        ladder.awaitHistory(id, "AUTHORITY_SILENT", 1);
        ladder.awaitWaitingAt(id, "Task_AwaitViews");
        assertThat(ladder.deadline(id, "un.hrc.op.state-reply").get("status").asText()).isEqualTo("MISSED");

        ladder.event(id, "{\"type\": \"VIEWS_ADOPTED\", \"occurredAt\": \"%s\"}".formatted(ladder.ago(Duration.ofHours(1))));
        ladder.awaitWaitingAt(id, "Task_AwaitFollowUpReply");
        assertThat(ladder.deadline(id, "un.hrc.follow-up").get("owedBy").asText()).isEqualTo("STATE");
        ladder.advanceClock("P185D");
        ladder.awaitHistory(id, "AUTHORITY_SILENT", 2);
        ladder.awaitWaitingAt(id, "Task_AwaitLateFollowUpReply");
        ladder.event(id, "{\"type\": \"FOLLOW_UP_REPLY\", \"occurredAt\": \"%s\"}".formatted(ladder.ago(Duration.ofHours(1))));
        ladder.awaitEnded(id);
        assertThat(ladder.stage(id)).isEqualTo("CLOSED");
    }

    @Test
    void stateReplyWithoutRecordedTransmittalAndViewsWithoutReplyBothMoveOn() {
        UUID replyFirst = exhaustedAgo(Duration.ofDays(30));
        ladder.event(replyFirst, "{\"type\": \"UN_SUBMITTED\", \"committee\": \"CAT\", \"occurredAt\": \"%s\"}".formatted(ladder.ago(Duration.ofDays(20))));
        ladder.awaitWaitingAt(replyFirst, "Gateway_AwaitTransmittal");
        ladder.event(replyFirst, "{\"type\": \"STATE_REPLY\", \"occurredAt\": \"%s\"}".formatted(ladder.ago(Duration.ofDays(2))));
        ladder.awaitWaitingAt(replyFirst, "Task_AwaitViews");

        UUID viewsFirst = exhaustedAgo(Duration.ofDays(30));
        ladder.event(viewsFirst, "{\"type\": \"UN_SUBMITTED\", \"committee\": \"CAT\", \"occurredAt\": \"%s\"}".formatted(ladder.ago(Duration.ofDays(20))));
        ladder.event(viewsFirst, "{\"type\": \"UN_TRANSMITTED\", \"occurredAt\": \"%s\"}".formatted(ladder.ago(Duration.ofDays(10))));
        ladder.awaitWaitingAt(viewsFirst, "Task_AwaitStateReply");
        JsonNode views = ladder.event(viewsFirst, "{\"type\": \"VIEWS_ADOPTED\", \"occurredAt\": \"%s\"}".formatted(ladder.ago(Duration.ofDays(1))));
        assertThat(views.get("stage").asText()).isEqualTo("UN_FOLLOW_UP");
        ladder.awaitWaitingAt(viewsFirst, "Task_AwaitFollowUpReply");
    }

    @Test
    void neverBothCommitteesForTheSameMatter() {
        UUID id = exhaustedAgo(Duration.ofDays(30));
        ladder.event(id, "{\"type\": \"UN_SUBMITTED\", \"committee\": \"CAT\", \"occurredAt\": \"%s\"}".formatted(ladder.ago(Duration.ofDays(20))));
        var second = ladder.eventResponse(id, "{\"type\": \"UN_SUBMITTED\", \"committee\": \"HRC\", \"occurredAt\": \"%s\"}".formatted(ladder.ago(Duration.ofDays(19))));
        assertThat(second.getStatusCode().value()).isEqualTo(409);
        assertThat(second.getBody()).contains("DOMESTIC_REMEDIES_EXHAUSTED");
    }

    @Test
    void unTimeLimitsWarnAfterThreeYearsRemindAfterFourAndEscalateAtTheHrcFiveYearLimit() {
        // Exhausted 4 years and 11 months ago: the CAT warning and the HRC reminder are already due, the limit soon.
        UUID id = exhaustedAgo(Duration.ofDays(4 * 365 + 330));
        ladder.awaitHistory(id, "REMINDER_DUE", "un.hrc.submission-limit", 1);
        JsonNode limit = ladder.deadline(id, "un.hrc.submission-limit");
        assertThat(limit.get("status").asText()).isEqualTo("OPEN");
        // The CAT warning is a past date entered just now: it acts after the one-day grace for entering history.
        ladder.advanceClock("P40D");
        ladder.awaitHistory(id, "REMINDER_DUE", "un.cat.delay-warning", 1);
        ladder.awaitHistory(id, "DEADLINE_MISSED", "un.hrc.submission-limit", 1);
        assertThat(ladder.historyCount(id, "REMINDER_DUE", "un.hrc.submission-limit")).isEqualTo(1);
        assertThat(ladder.deadline(id, "un.hrc.submission-limit").get("status").asText()).isEqualTo("MISSED");
        // Still possible, with a justification of the delay (rule 99(c)): the ladder waits for the submission.
        ladder.awaitWaitingAt(id, "Task_AwaitUnSubmission");
    }
}
