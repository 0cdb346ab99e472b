package kz.shagym.escalation.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import kz.shagym.LadderHarness;
import kz.shagym.escalation.UnLadderPathsTestSupport;
import org.springframework.http.HttpEntity;
import org.springframework.http.ResponseEntity;

/**
 * The steps ladder scenarios share. Everything a lawyer does goes through the application's REST API ({@code ladder});
 * everything asked of the engine goes through {@link ProcessRuntime} ({@code runtime}), so that a scenario runs on any
 * engine the profile chose.
 */
public abstract class LadderScenario extends ScenarioEnvironment {

    static final Duration DAY = Duration.ofDays(1);

    /** Registers a complaint filed at the instant and waits until its ladder waits for the authority's answer. */
    UUID register(String filedAt) {
        ResponseEntity<String> response = ladder.rest().postForEntity("/api/complaints",
                new HttpEntity<>(LadderHarness.complaintJson("ANTI_CORRUPTION", filedAt), LadderHarness.jsonHeaders()), String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        UUID id = UUID.fromString(ladder.read(response.getBody()).get("id").asText());
        runtime.awaitActive(id, "Gateway_AwaitAuthorityResponse");
        return id;
    }

    UUID registeredYesterday() {
        return register(ladder.ago(DAY));
    }

    /** Forwarded to internal security 20 hours ago, learned of 2 hours ago: both routes of the challenge open. */
    void forwardedAndLearned(UUID id) {
        ladder.event(id, """
                {"type": "FORWARDED_TO_INTERNAL_SECURITY", "occurredAt": "%s", "learnedAt": "%s"}"""
                .formatted(ladder.ago(Duration.ofHours(20)), ladder.ago(Duration.ofHours(2))));
    }

    /** A complaint whose investigative judge refused half an hour ago: it waits for the appeal to be filed. */
    UUID atAppeal() {
        UUID id = register(ladder.ago(Duration.ofDays(3)));
        ladder.event(id, """
                {"type": "FORWARDED_TO_INTERNAL_SECURITY", "occurredAt": "%s", "learnedAt": "%s", "copyReceivedAt": "%s"}"""
                .formatted(ladder.ago(Duration.ofDays(2)), ladder.ago(Duration.ofDays(2)), ladder.ago(Duration.ofDays(2))));
        ladder.file(id, "COMPLAINT_INVESTIGATIVE_JUDGE", ladder.ago(Duration.ofDays(1)));
        ladder.event(id, """
                {"type": "DECISION", "authority": "INVESTIGATIVE_JUDGE", "outcome": "REFUSED", "decidedAt": "%s", "copyReceivedAt": "%s"}"""
                .formatted(ladder.ago(Duration.ofMinutes(30)), ladder.ago(Duration.ofMinutes(30))));
        runtime.awaitActive(id, "Task_AwaitAppealFiling");
        return id;
    }

    /**
     * A complaint whose appeal court refused {@code ago} ago, every earlier step dated before that as a lawyer entering an
     * old case does: domestic remedies exhausted, the ladder waits for the UN submission.
     */
    UUID exhausted(Duration ago) {
        UUID id = register(ladder.ago(UnLadderPathsTestSupport.filedBefore(ago)));
        UnLadderPathsTestSupport.recordUpToExhaustion(ladder, id, ago);
        runtime.awaitActive(id, "Task_AwaitUnSubmission");
        return id;
    }

    /** The complaint's deadline of this role (the one opened last, if the role was opened more than once). */
    JsonNode deadlineOfRole(UUID id, String role) {
        JsonNode found = null;
        for (JsonNode d : ladder.view(id).get("deadlines")) {
            if (role.equals(d.path("role").asText())) {
                found = d;
            }
        }
        assertThat(found).as("a deadline of role %s on complaint %s", role, id).isNotNull();
        return found;
    }

    static Instant instant(JsonNode deadline, String field) {
        assertThat(deadline.hasNonNull(field)).as("%s of %s", field, deadline).isTrue();
        return Instant.parse(deadline.get(field).asText());
    }

    /**
     * The engine's timer waits for exactly the instant the application computed, and fires there: time is moved to that
     * instant and not further, and the timer's path is then passed.
     */
    void timerFiresAt(UUID id, String timerElementId, Instant computed) {
        runtime.awaitTimerDueAt(id, timerElementId, computed);
        runtime.moveTimeTo(computed);
        runtime.awaitPassed(id, timerElementId);
    }

    static LocalDate localDate(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toLocalDate();
    }

    /** The complaint's letter of a kind, whatever its status. */
    public static JsonNode findLetter(JsonNode view, String kind) {
        for (JsonNode letter : view.get("letters")) {
            if (kind.equals(letter.get("kind").asText())) {
                return letter;
            }
        }
        throw new AssertionError("no " + kind + " letter");
    }
}
