package kz.shagym.escalation.scenario;

import io.camunda.client.CamundaClient;
import kz.shagym.ShagymIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Where the ladder scenarios run in the normal test suite: the shared application context with its embedded engine.
 * The profile {@code -Pcpt} compiles src/test-cpt's environment (Camunda Process Test) in place of this class.
 */
abstract class ScenarioEnvironment extends ShagymIntegrationTest {

    @Autowired
    private CamundaClient client;

    protected ProcessRuntime runtime;

    @BeforeEach
    void embeddedRuntime() {
        runtime = new EmbeddedProcessRuntime(client, engine, ledger, ladder);
    }
}
