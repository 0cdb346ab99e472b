package kz.shagym.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.UUID;
import kz.shagym.LadderHarness;

/** Walks complaints up the ladder with dates in the past, as a lawyer entering an old case does. */
public final class UnLadderPathsTestSupport {

    private UnLadderPathsTestSupport() {
    }

    /** Walks a complaint to DOMESTIC_REMEDIES_EXHAUSTED, the appeal court's refusal dated {@code exhaustedAgo} ago. */
    public static UUID exhausted(LadderHarness ladder, Duration exhaustedAgo) {
        UUID id = ladder.register(ladder.ago(filedBefore(exhaustedAgo)));
        recordUpToExhaustion(ladder, id, exhaustedAgo);
        ladder.awaitWaitingAt(id, "Task_AwaitUnSubmission");
        return id;
    }

    /** How long before the exhaustion the complaint of {@link #recordUpToExhaustion} was filed. */
    public static Duration filedBefore(Duration exhaustedAgo) {
        return exhaustedAgo.plusDays(60);
    }

    /**
     * Records every step from the authority's forwarding to the appeal court's refusal, dated before {@code exhaustedAgo}
     * for a complaint filed {@link #filedBefore} it, and checks the ledger's stage; the caller waits for the engine.
     */
    public static void recordUpToExhaustion(LadderHarness ladder, UUID id, Duration exhaustedAgo) {
        Duration base = filedBefore(exhaustedAgo);
        ladder.event(id, """
                {"type": "FORWARDED_TO_INTERNAL_SECURITY", "occurredAt": "%s", "learnedAt": "%s", "copyReceivedAt": "%s"}"""
                .formatted(ladder.ago(base.minusDays(1)), ladder.ago(base.minusDays(2)), ladder.ago(base.minusDays(2))));
        ladder.file(id, "COMPLAINT_INVESTIGATIVE_JUDGE", ladder.ago(base.minusDays(5)));
        ladder.event(id, """
                {"type": "DECISION", "authority": "INVESTIGATIVE_JUDGE", "outcome": "REFUSED", "decidedAt": "%s", "copyReceivedAt": "%s"}"""
                .formatted(ladder.ago(base.minusDays(15)), ladder.ago(base.minusDays(15))));
        ladder.file(id, "APPEAL", ladder.ago(base.minusDays(16)));
        JsonNode exhausted = ladder.event(id, """
                {"type": "DECISION", "authority": "APPEAL_COURT", "outcome": "REFUSED", "decidedAt": "%s", "copyReceivedAt": "%s"}"""
                .formatted(ladder.ago(exhaustedAgo), ladder.ago(exhaustedAgo)));
        assertThat(exhausted.get("stage").asText()).isEqualTo("DOMESTIC_REMEDIES_EXHAUSTED");
    }
}
