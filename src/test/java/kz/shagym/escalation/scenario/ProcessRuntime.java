package kz.shagym.escalation.scenario;

import io.camunda.client.CamundaClient;
import java.time.Instant;
import java.util.UUID;

/**
 * What a ladder scenario asks of the engine it runs on, beside the application's own API: the same scenario classes run
 * on the embedded engine ({@link EmbeddedProcessRuntime}, the normal test suite) and, with {@code -Pcpt}, on a Camunda 8
 * runtime driven by Camunda Process Test (src/test-cpt). Elements are named by their BPMN id and looked for in the
 * complaint's current ladder instance (the one the ledger points to) and in the rungs it called.
 */
public interface ProcessRuntime {

    /** The client the application talks to the engine with. */
    CamundaClient client();

    /** Moves the application's clock and the engine's to this instant (neither ever goes back). */
    void moveTimeTo(Instant instant);

    /** Waits until each element is active (a task or gateway waiting, a call activity running). */
    void awaitActive(UUID complaint, String... elementIds);

    /** Waits until none of the elements is active any more. */
    void awaitNotActive(UUID complaint, String... elementIds);

    /** Waits until each element has been passed (completed): a timer that fired, a task that ran. */
    void awaitPassed(UUID complaint, String... elementIds);

    /** Waits until the complaint's ladder instance has completed (ended by its own path, not cancelled). */
    void awaitEnded(UUID complaint);

    /** Waits until the complaint's timer element is planned for exactly this instant. */
    void awaitTimerDueAt(UUID complaint, String timerElementId, Instant dueAt);
}
