package kz.shagym.escalation.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.TimerIntent;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.TimerRecordValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import kz.shagym.LadderHarness;
import kz.shagym.complaint.ComplaintLedger;
import kz.shagym.escalation.EmbeddedEngine;
import kz.shagym.escalation.Processes;

/**
 * The scenarios on the application's embedded engine (Zeebe Process Test's): time moves through the application's clock
 * endpoint, which moves the engine's clock with it; where the ladder stands is read from the engine's record stream.
 */
final class EmbeddedProcessRuntime implements ProcessRuntime {

    /** The clock endpoint refuses larger steps (a typo guard): longer moves are made in steps of this size. */
    static final Duration LARGEST_CLOCK_STEP = Duration.ofDays(366);
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final CamundaClient client;
    private final EmbeddedEngine engine;
    private final ComplaintLedger ledger;
    private final LadderHarness ladder;

    EmbeddedProcessRuntime(CamundaClient client, EmbeddedEngine engine, ComplaintLedger ledger, LadderHarness ladder) {
        this.client = client;
        this.engine = engine;
        this.ledger = ledger;
        this.ladder = ladder;
    }

    @Override
    public CamundaClient client() {
        return client;
    }

    @Override
    public void moveTimeTo(Instant instant) {
        moveApplicationClockTo(ladder, instant);
    }

    /** Moves the application's clock (and with it, in embedded mode, the engine's) forward to the instant. */
    static void moveApplicationClockTo(LadderHarness ladder, Instant instant) {
        Duration left = Duration.between(ladder.now(), instant);
        while (left.isPositive()) {
            Duration step = left.compareTo(LARGEST_CLOCK_STEP) > 0 ? LARGEST_CLOCK_STEP : left;
            ladder.advanceClock(step.toString());
            left = left.minus(step);
        }
    }

    @Override
    public void awaitActive(UUID complaint, String... elementIds) {
        ladder.awaitWaitingAt(complaint, elementIds);
    }

    @Override
    public void awaitNotActive(UUID complaint, String... elementIds) {
        awaitRecords().untilAsserted(() -> assertThat(ladder.activeElements(complaint)).doesNotContain(elementIds));
    }

    @Override
    public void awaitPassed(UUID complaint, String... elementIds) {
        awaitRecords().untilAsserted(() -> assertThat(read(complaint).completed).contains(elementIds));
    }

    @Override
    public void awaitEnded(UUID complaint) {
        ladder.awaitEnded(complaint);
        // ended by its own path, not cancelled
        awaitPassed(complaint, Processes.LADDER);
    }

    @Override
    public void awaitTimerDueAt(UUID complaint, String timerElementId, Instant dueAt) {
        awaitRecords().untilAsserted(() -> assertThat(read(complaint).timerDueDates.get(timerElementId))
                .as("the engine's timer %s", timerElementId).isEqualTo(dueAt));
    }

    private static org.awaitility.core.ConditionFactory awaitRecords() {
        // the engine appends records while they are read: a read that met a concurrent change is simply retried
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .ignoreExceptionsInstanceOf(ConcurrentModificationException.class);
    }

    /** What the engine recorded of the complaint's current instance and the rungs it called. */
    private record Passage(Set<String> completed, Map<String, Instant> timerDueDates) {}

    private Passage read(UUID complaint) {
        long root = ledger.find(complaint).orElseThrow().processInstanceKey();
        Set<Long> instances = new HashSet<>();
        instances.add(root);
        Set<String> completed = new HashSet<>();
        Map<String, Instant> timers = new HashMap<>();
        for (Record<?> record : engine.records()) {
            if (record.getValueType() == ValueType.PROCESS_INSTANCE) {
                ProcessInstanceRecordValue value = (ProcessInstanceRecordValue) record.getValue();
                if (record.getKey() == value.getProcessInstanceKey() && instances.contains(value.getParentProcessInstanceKey())) {
                    instances.add(value.getProcessInstanceKey());
                }
                if (instances.contains(value.getProcessInstanceKey()) && record.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED) {
                    completed.add(value.getElementId());
                }
            } else if (record.getValueType() == ValueType.TIMER && record.getIntent() == TimerIntent.CREATED) {
                TimerRecordValue timer = (TimerRecordValue) record.getValue();
                if (instances.contains(timer.getProcessInstanceKey())) {
                    // the latest timer of an element wins: a rung opened again plans its timers again
                    timers.put(timer.getTargetElementId(), Instant.ofEpochMilli(timer.getDueDate()));
                }
            }
        }
        return new Passage(completed, timers);
    }
}
