package kz.shagym.escalation.scenario;

import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.process.test.api.CamundaAssert;
import io.camunda.process.test.api.CamundaProcessTestContext;
import io.camunda.process.test.api.assertions.ProcessInstanceAssert;
import io.camunda.process.test.api.assertions.ProcessInstanceSelectors;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kz.shagym.LadderHarness;
import kz.shagym.complaint.ComplaintLedger;
import kz.shagym.escalation.Processes;

/**
 * The scenarios on a Camunda 8 runtime started by Camunda Process Test: the engine's time is moved through
 * {@link CamundaProcessTestContext}, the application's through its clock endpoint; where the ladder stands is asserted
 * with {@link CamundaAssert} on the complaint's ladder instance, or on the latest instance of the rung that holds the
 * element (a rung opened again is a new instance of it).
 */
final class CptProcessRuntime implements ProcessRuntime {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final CamundaClient client;
    private final CamundaProcessTestContext processTest;
    private final ComplaintLedger ledger;
    private final LadderHarness ladder;
    private final LadderModel model;

    CptProcessRuntime(CamundaClient client, CamundaProcessTestContext processTest, ComplaintLedger ledger, LadderHarness ladder,
                      LadderModel model) {
        this.client = client;
        this.processTest = processTest;
        this.ledger = ledger;
        this.ladder = ladder;
        this.model = model;
    }

    @Override
    public CamundaClient client() {
        return client;
    }

    /**
     * Camunda Process Test resets the engine's clock after each test, the application's clock never goes back: the
     * engine is brought to the application's time before a scenario starts.
     */
    void alignEngineClock() {
        Instant application = ladder.now();
        if (processTest.getCurrentTime().isBefore(application)) {
            processTest.setTime(application);
        }
    }

    @Override
    public void moveTimeTo(Instant instant) {
        // the application first: the job a timer starts is recorded at the application's time
        EmbeddedProcessRuntime.moveApplicationClockTo(ladder, instant);
        if (processTest.getCurrentTime().isBefore(instant)) {
            processTest.setTime(instant);
        }
    }

    @Override
    public void awaitActive(UUID complaint, String... elementIds) {
        for (String element : elementIds) {
            instanceHolding(complaint, element, true).hasActiveElements(element);
        }
    }

    @Override
    public void awaitNotActive(UUID complaint, String... elementIds) {
        for (String element : elementIds) {
            instanceHolding(complaint, element, false).hasNoActiveElements(element);
        }
    }

    @Override
    public void awaitPassed(UUID complaint, String... elementIds) {
        for (String element : elementIds) {
            instanceHolding(complaint, element, false).hasCompletedElements(element);
        }
    }

    @Override
    public void awaitEnded(UUID complaint) {
        CamundaAssert.assertThat(ProcessInstanceSelectors.byKey(ladderInstance(complaint))).isCompleted();
    }

    /**
     * A Camunda 8 runtime does not show a timer's due date; the timer takes it from the variable its BPMN names
     * (e.g. {@code =applicantDueAt}), which the application set on the rung's instance.
     */
    @Override
    public void awaitTimerDueAt(UUID complaint, String timerElementId, Instant dueAt) {
        instanceHolding(complaint, timerElementId, true).hasVariable(model.timerDateVariable(timerElementId), dueAt.toString());
    }

    private long ladderInstance(UUID complaint) {
        return ledger.find(complaint).orElseThrow().processInstanceKey();
    }

    private ProcessInstanceAssert instanceHolding(UUID complaint, String elementId, boolean active) {
        String process = model.processOf(elementId);
        long ladderInstance = ladderInstance(complaint);
        if (process.equals(Processes.LADDER)) {
            return CamundaAssert.assertThat(ProcessInstanceSelectors.byKey(ladderInstance));
        }
        long rung = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> latestRungInstance(ladderInstance, process, active), key -> key != null);
        return CamundaAssert.assertThat(ProcessInstanceSelectors.byKey(rung));
    }

    private Long latestRungInstance(long ladderInstance, String process, boolean active) {
        List<ProcessInstance> found = client.newProcessInstanceSearchRequest()
                .filter(f -> {
                    f.parentProcessInstanceKey(ladderInstance).processDefinitionId(process);
                    if (active) {
                        f.state(ProcessInstanceState.ACTIVE);
                    }
                })
                .sort(s -> s.processInstanceKey().desc())
                .page(p -> p.limit(1))
                .send().join().items();
        return found.isEmpty() ? null : found.get(0).getProcessInstanceKey();
    }
}
