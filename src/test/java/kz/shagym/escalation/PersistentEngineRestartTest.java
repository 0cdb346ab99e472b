package kz.shagym.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.VariableIntent;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import kz.shagym.ShagymIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Against an engine that keeps its instances across application restarts (a Camunda 8 cluster: the production
 * profile says so with {@code shagym.engine.persistent=true}), a start resumes only the open complaints the engine never
 * heard of. A complaint already running there is left alone: starting it again would run it twice, with two sets of
 * timers and jobs. Here the shared embedded engine stands in for the cluster: it outlives the "restart", which is the
 * supervisor's start-up resume run again as it runs against a persistent engine.
 */
class PersistentEngineRestartTest extends ShagymIntegrationTest {

    @Autowired
    private EngineSupervisor supervisor;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private EngineGateway gateway;

    @Test
    void aRestartStartsNoComplaintTwiceAndStartsTheOneTheEngineNeverHeardOf() {
        UUID running = ladder.register(ladder.ago(Duration.ofDays(2)));
        UUID neverStarted = ladder.register(ladder.ago(Duration.ofDays(2)));
        ladder.awaitWaitingAt(running, "Gateway_AwaitAuthorityResponse");
        ladder.awaitWaitingAt(neverStarted, "Gateway_AwaitAuthorityResponse");
        long runningKey = ledger.find(running).orElseThrow().processInstanceKey();
        // as if the application had stopped between recording the complaint and starting its instance
        long abandonedKey = ledger.find(neverStarted).orElseThrow().processInstanceKey();
        jdbc.sql("update complaint set process_instance_key = null where id = :id").param("id", neverStarted).update();
        assertThat(rootInstances(running)).containsExactly(runningKey);

        supervisor.resumeOnStart(true); // what a start with shagym.engine.persistent=true does

        assertThat(ledger.find(running).orElseThrow().processInstanceKey()).as("kept").isEqualTo(runningKey);
        assertThat(rootInstances(running)).as("started once").containsExactly(runningKey);
        Long started = ledger.find(neverStarted).orElseThrow().processInstanceKey();
        assertThat(started).as("started now").isNotNull().isNotEqualTo(abandonedKey);
        assertThat(rootInstances(neverStarted)).contains(started);
        ladder.awaitWaitingAt(neverStarted, "Gateway_AwaitAuthorityResponse");
        // The instance started before the "crash" is of a run that is no longer current: it is told to end, at once.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ended(abandonedKey)).isTrue());
        assertThat(ended(started)).isFalse();
    }

    /**
     * A job of an instance that is not the complaint's current run (here started by hand with a run the ledger never
     * made current) changes nothing in the ledger, and its instance ends; the current instance runs on.
     */
    @Test
    void aJobOfAnInstanceOfAnotherRunChangesNothingAndEndsItsInstance() {
        UUID complaint = ladder.register(ladder.ago(Duration.ofDays(2)));
        ladder.awaitWaitingAt(complaint, "Gateway_AwaitAuthorityResponse");
        long current = ledger.find(complaint).orElseThrow().processInstanceKey();
        var before = ladder.view(complaint);

        long stray = gateway.startLadder(complaint, UUID.randomUUID(), List.of());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ended(stray)).isTrue());
        assertThat(ended(current)).isFalse();
        assertThat(ledger.find(complaint).orElseThrow().processInstanceKey()).isEqualTo(current);
        assertThat(ladder.view(complaint).get("history")).isEqualTo(before.get("history"));
        assertThat(ladder.view(complaint).get("deadlines")).isEqualTo(before.get("deadlines"));
    }

    /** Whether the engine ended this root instance (completed, or terminated by its "Run superseded" event subprocess). */
    private boolean ended(long processInstanceKey) {
        for (Record<?> record : engine.records()) {
            if (record.getValueType() == ValueType.PROCESS_INSTANCE && record.getKey() == processInstanceKey
                    && (record.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
                        || record.getIntent() == ProcessInstanceIntent.ELEMENT_TERMINATED)) {
                return true;
            }
        }
        return false;
    }

    /** The root process instances the engine has created for this complaint (its complaintId variable at the root). */
    private Set<Long> rootInstances(UUID complaint) {
        Set<Long> roots = new HashSet<>();
        Set<Long> withComplaint = new HashSet<>();
        for (Record<?> record : engine.records()) {
            if (record.getValueType() == ValueType.PROCESS_INSTANCE && record.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED) {
                ProcessInstanceRecordValue value = (ProcessInstanceRecordValue) record.getValue();
                if (record.getKey() == value.getProcessInstanceKey() && value.getParentProcessInstanceKey() < 0) {
                    roots.add(value.getProcessInstanceKey());
                }
            } else if (record.getValueType() == ValueType.VARIABLE && record.getIntent() == VariableIntent.CREATED) {
                VariableRecordValue value = (VariableRecordValue) record.getValue();
                if ("complaintId".equals(value.getName()) && value.getValue().contains(complaint.toString())
                        && value.getScopeKey() == value.getProcessInstanceKey()) {
                    withComplaint.add(value.getProcessInstanceKey());
                }
            }
        }
        roots.retainAll(withComplaint);
        return roots;
    }
}
