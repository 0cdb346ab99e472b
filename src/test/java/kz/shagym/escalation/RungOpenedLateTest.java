package kz.shagym.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import kz.shagym.ShagymIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A lawyer may record the authority's answer within a second of intake, before the engine's job worker has opened the
 * first rung. The rung then opens on a ledger that has already closed it: it must take the answer (the message the
 * ledger published) and move on, not stop on an incident for want of its deadline dates.
 */
class RungOpenedLateTest extends ShagymIntegrationTest {

    @Autowired
    EngineGateway gateway;

    @Test
    void rungThatOpensAfterTheLedgerClosedItTakesTheRecordedAnswerInsteadOfStopping() {
        UUID id = ladder.register(ladder.ago(Duration.ofHours(2)));
        // Replay the race: the instance has not reached the rung yet when the answer is recorded...
        gateway.cancel(ledger.find(id).orElseThrow().processInstanceKey());
        ladder.event(id, "{\"type\": \"REGISTERED\", \"occurredAt\": \"%s\"}".formatted(ladder.ago(Duration.ofHours(1))));
        // ...and reaches it only now, with the answer's message waiting for it.
        ledger.updateProcessInstanceKey(id, gateway.startLadder(id, ledger.currentLadderRun(id).orElseThrow(), List.of()));

        ladder.awaitWaitingAt(id, "CallActivity_Investigation");
        assertThat(incidentsOf(ledger.find(id).orElseThrow().processInstanceKey())).isEmpty();
        assertThat(ladder.stage(id)).isEqualTo("INVESTIGATION");
    }

    /** Incidents raised anywhere in the complaint's ladder instance or the rung instances it called. */
    private List<String> incidentsOf(long root) {
        Set<Long> instances = new HashSet<>(Set.of(root));
        List<String> incidents = new ArrayList<>();
        for (var record : engine.records()) {
            if (record.getValueType() == ValueType.PROCESS_INSTANCE) {
                var value = (ProcessInstanceRecordValue) record.getValue();
                if (instances.contains(value.getParentProcessInstanceKey())) {
                    instances.add(value.getProcessInstanceKey());
                }
            } else if (record.getValueType() == ValueType.INCIDENT && record.getIntent() == IncidentIntent.CREATED) {
                var incident = (IncidentRecordValue) record.getValue();
                if (instances.contains(incident.getProcessInstanceKey())) {
                    incidents.add(incident.getElementId() + ": " + incident.getErrorMessage());
                }
            }
        }
        return incidents;
    }
}
