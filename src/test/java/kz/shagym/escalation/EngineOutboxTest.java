package kz.shagym.escalation;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Map;
import java.util.UUID;
import kz.shagym.ShagymIntegrationTest;
import kz.shagym.complaint.EngineCommand;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Deliveries from the outbox are at least once: a second delivery of the same command must count as delivered. */
class EngineOutboxTest extends ShagymIntegrationTest {

    @Autowired
    private EngineSupervisor supervisor;

    @Test
    void aMessageDeliveredAgainIsRefusedByTheEngineAsACopyAndCountsAsDelivered() {
        var message = new EngineCommand.PublishMessage(UUID.randomUUID(), "outbox-test", "outbox-test:" + UUID.randomUUID(), Map.of());
        supervisor.deliver(message);
        assertThatCode(() -> supervisor.deliver(message)).doesNotThrowAnyException();
    }

    @Test
    void aStartDeliveredAgainFindsTheInstanceAndStartsNoSecond() {
        UUID complaint = ladder.register(ladder.ago(java.time.Duration.ofHours(2)));
        ladder.awaitWaitingAt(complaint, "Gateway_AwaitAuthorityResponse");
        long key = ledger.find(complaint).orElseThrow().processInstanceKey();
        UUID run = ledger.currentLadderRun(complaint).orElseThrow();

        supervisor.deliver(new EngineCommand.StartLadder(complaint));

        org.assertj.core.api.Assertions.assertThat(ledger.find(complaint).orElseThrow().processInstanceKey()).isEqualTo(key);
        org.assertj.core.api.Assertions.assertThat(ledger.currentLadderRun(complaint)).contains(run);
    }
}
