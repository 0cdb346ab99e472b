package kz.shagym.escalation.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.command.ClientHttpException;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import kz.shagym.LadderHarness;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;

/** A trigger date recorded wrong is corrected: deadlines recomputed, running timers re-planned, letters marked stale. */
class DateCorrectionScenarioTest extends LadderScenario {

    @Test
    void learningOfTheDecisionLaterMovesTheCourtTermAndItsRunningTimer() {
        UUID id = register(ladder.ago(Duration.ofDays(12)));
        String learnedWrong = ladder.ago(Duration.ofDays(11));
        JsonNode state = ladder.event(id, """
                {"type": "FORWARDED_TO_INTERNAL_SECURITY", "occurredAt": "%s", "learnedAt": "%s"}"""
                .formatted(ladder.ago(Duration.ofDays(11).plusHours(1)), learnedWrong));
        runtime.awaitActive(id, "Task_AwaitJudgeFiling");
        UUID letter = ladder.letter(id, "COMPLAINT_INVESTIGATIVE_JUDGE");
        JsonNode forwarding = facts(state, "FORWARDED_TO_INTERNAL_SECURITY");
        assertThat(forwarding.get("copyMissing").asBoolean()).isTrue();
        assertThat(forwarding.get("startsClocks").findValuesAsText("rule")).contains("kz.upk.106.file-complaint");
        assertThat(forwarding.get("startsClocks").findValuesAsText("from")).contains("learnedAt");
        JsonNode oldTerm = ladder.deadline(id, "kz.upk.106.file-complaint");
        String oldLastDay = oldTerm.get("lastDay").asText();
        Instant oldDue = instant(oldTerm, "dueAt");
        runtime.awaitTimerDueAt(id, "Timer_JudgeFilingDeadline", oldDue);
        long instanceBefore = ledger.find(id).orElseThrow().processInstanceKey();

        String learnedReally = ladder.ago(Duration.ofDays(2));
        var response = ladder.rest().postForEntity("/api/complaints/" + id + "/events/" + forwarding.get("eventId").asText() + "/correction",
                json("{\"learnedAt\": \"%s\", \"reason\": \"the notice was handed over only on this day\"}".formatted(learnedReally)),
                String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);

        JsonNode moved = ladder.deadline(id, "kz.upk.106.file-complaint");
        assertThat(moved.get("lastDay").asText()).isEqualTo(OffsetDateTime.parse(learnedReally).toLocalDate().plusDays(15).toString());
        assertThat(LocalDate.parse(moved.get("lastDay").asText())).isAfter(LocalDate.parse(oldLastDay));
        assertThat(ladder.historyCount(id, "DATE_CORRECTED")).isEqualTo(1);
        JsonNode recalculated = history(id, "DEADLINE_RECALCULATED");
        assertThat(recalculated.get("detail").asText()).contains(oldLastDay).contains(moved.get("lastDay").asText());
        assertThat(ledger.find(id).orElseThrow().processInstanceKey()).as("timers re-planned in a fresh instance").isNotEqualTo(instanceBefore);
        // The instance planned with the wrong date is gone, and its timers with it: the engine has nothing to cancel.
        assertThatThrownBy(() -> runtime.client().newCancelInstanceCommand(instanceBefore).send().join())
                .isInstanceOf(ClientException.class).satisfies(gone -> assertThat(notFound((ClientException) gone)).as("%s", gone).isTrue());
        runtime.awaitActive(id, "Task_AwaitJudgeFiling");
        Instant newDue = instant(moved, "dueAt");
        runtime.awaitTimerDueAt(id, "Timer_JudgeFilingDeadline", newDue);
        assertThat(letterNode(id, letter).get("stale").asBoolean()).as("the drafted complaint quotes the old date").isTrue();

        // The old last day passes without an escalation: the running timer now waits for the new one.
        runtime.moveTimeTo(oldDue.plus(Duration.ofDays(1)));
        runtime.awaitActive(id, "Task_AwaitJudgeFiling");
        assertThat(ladder.historyCount(id, "DEADLINE_MISSED")).isZero();
        assertThat(ladder.deadline(id, "kz.upk.106.file-complaint").get("status").asText()).isEqualTo("OPEN");
        // Re-planning drafts no second complaint for the same rung.
        assertThat(ladder.view(id).get("letters").findValuesAsText("kind").stream()
                .filter("COMPLAINT_INVESTIGATIVE_JUDGE"::equals).count()).isEqualTo(1);

        // The new last day escalates, once.
        timerFiresAt(id, "Timer_JudgeFilingDeadline", newDue);
        runtime.awaitPassed(id, "Task_EscalateJudgeFiling");
        ladder.awaitHistory(id, "DEADLINE_MISSED", 1);
        assertThat(ladder.deadline(id, "kz.upk.106.file-complaint").get("status").asText()).isEqualTo("MISSED");
    }

    @Test
    void correctionsAreCheckedLikeEvents() {
        UUID id = register(ladder.ago(Duration.ofDays(2)));
        JsonNode state = ladder.event(id, """
                {"type": "FORWARDED_TO_INTERNAL_SECURITY", "occurredAt": "%s", "learnedAt": "%s"}"""
                .formatted(ladder.ago(Duration.ofDays(1)), ladder.ago(Duration.ofHours(20))));
        String eventId = facts(state, "FORWARDED_TO_INTERNAL_SECURITY").get("eventId").asText();
        var before = ladder.rest().postForEntity("/api/complaints/" + id + "/events/" + eventId + "/correction",
                json("{\"learnedAt\": \"%s\"}".formatted(ladder.ago(Duration.ofDays(5)))), String.class);
        assertThat(before.getStatusCode().value()).isEqualTo(400);
        assertThat(before.getBody()).contains("learnedAt");
        var unknown = ladder.rest().postForEntity("/api/complaints/" + id + "/events/" + UUID.randomUUID() + "/correction",
                json("{\"learnedAt\": \"%s\"}".formatted(ladder.ago(Duration.ofHours(1)))), String.class);
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
    }

    /** The engine has no such instance: gRPC's NOT_FOUND, or HTTP 404 where the client speaks REST. */
    private static boolean notFound(ClientException e) {
        return e instanceof ClientStatusException grpc ? grpc.getStatusCode() == Status.Code.NOT_FOUND
                : e instanceof ClientHttpException http && http.code() == 404;
    }

    private static JsonNode facts(JsonNode view, String type) {
        for (JsonNode f : view.get("dateFacts")) {
            if (type.equals(f.get("type").asText())) {
                return f;
            }
        }
        throw new AssertionError("no date facts for " + type + ": " + view.get("dateFacts"));
    }

    private JsonNode history(UUID id, String type) {
        for (JsonNode h : ladder.view(id).get("history")) {
            if (type.equals(h.get("type").asText())) {
                return h;
            }
        }
        throw new AssertionError("no " + type);
    }

    private JsonNode letterNode(UUID id, UUID letterId) {
        for (JsonNode l : ladder.view(id).get("letters")) {
            if (letterId.toString().equals(l.get("id").asText())) {
                return l;
            }
        }
        throw new AssertionError("no letter " + letterId);
    }

    private static HttpEntity<String> json(String body) {
        return new HttpEntity<>(body, LadderHarness.jsonHeaders());
    }
}
