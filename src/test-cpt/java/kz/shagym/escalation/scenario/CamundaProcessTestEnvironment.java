package kz.shagym.escalation.scenario;

import io.camunda.client.CamundaClient;
import io.camunda.process.test.api.CamundaAssert;
import io.camunda.process.test.api.CamundaProcessTestContext;
import io.camunda.process.test.api.CamundaSpringProcessTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import kz.shagym.LadderHarness;
import kz.shagym.ShagymIntegrationTest;
import kz.shagym.complaint.ComplaintLedger;
import kz.shagym.escalation.EngineGateway;
import org.junit.jupiter.api.BeforeEach;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.context.event.SimpleApplicationEventMulticaster;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/*
 * This file holds the class ScenarioEnvironment of the -Pcpt build, which compiles it in place of
 * src/test/java/.../scenario/ScenarioEnvironment.java (the embedded engine's); the file cannot have that class's name
 * too, as the compiler's exclusion of the default one would then exclude both.
 */

/**
 * Where the ladder scenarios run with {@code -Pcpt}: the application in its remote-engine mode, its Camunda client
 * pointed by Camunda Process Test at the Camunda 8 runtime it starts (Docker, or a remote runtime configured under
 * camunda.process-test.*). That runtime is purged after each test, so each test deploys the ladder again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shagym.engine.mode=remote",
        "shagym.clock-control=true",
        "shagym.admin.username=" + LadderHarness.ADMIN,
        "shagym.admin.password=" + LadderHarness.ADMIN_PASSWORD,
        "shagym.notify.send-interval=PT1H",
        "shagym.notify.reconcile-interval=PT1H",
        "shagym.crypto.keys.test-old=" + ShagymIntegrationTest.OLD_KEY,
        "shagym.crypto.keys.test-new=" + ShagymIntegrationTest.NEW_KEY,
        "shagym.crypto.active-key=test-new"})
@CamundaSpringProcessTest
@Import(ScenarioEnvironment.RuntimeAfterTheContext.class)
abstract class ScenarioEnvironment {

    /** The embedded runtime's patience, so that a scenario fails alike on both. */
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final Path DATA_DIR = temporaryDataDir();

    @Autowired
    private TestRestTemplate restTemplate;
    @Autowired
    protected ComplaintLedger ledger;
    @Autowired
    private CamundaClient client;
    @Autowired
    private CamundaProcessTestContext processTest;
    @Autowired
    private EngineGateway gateway;
    @Value("${shagym.bpmn-location}")
    private String bpmnLocation;

    protected LadderHarness ladder;
    protected ProcessRuntime runtime;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("shagym.data-dir", DATA_DIR::toString);
    }

    @BeforeEach
    void camundaProcessTestRuntime() {
        CamundaAssert.setAssertionTimeout(PATIENCE);
        // the engine is asked through ProcessRuntime only: the harness's own engine look-ups read the embedded engine
        ladder = new LadderHarness(restTemplate, null, ledger);
        gateway.deployLadder();
        CptProcessRuntime cpt = new CptProcessRuntime(client, processTest, ledger, ladder, LadderModel.read(bpmnLocation));
        cpt.alignEngineClock();
        runtime = cpt;
    }

    private static Path temporaryDataDir() {
        try {
            return Files.createTempDirectory("shagym-cpt-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Camunda Process Test starts its runtime after the application context, and its client answers nothing until
     * then: the application's deployment and resume when it is ready fail. Each test deploys the ladder once the runtime
     * is there (and a purged runtime holds no instance to resume); any other failure when ready still fails the start.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class RuntimeAfterTheContext {

        @Bean(name = AbstractApplicationContext.APPLICATION_EVENT_MULTICASTER_BEAN_NAME)
        static ApplicationEventMulticaster applicationEventMulticaster(BeanFactory beanFactory) {
            return new ReadyBeforeTheRuntime(beanFactory);
        }
    }

    static final class ReadyBeforeTheRuntime extends SimpleApplicationEventMulticaster {

        private static final Logger log = LoggerFactory.getLogger(ReadyBeforeTheRuntime.class);
        /** What Camunda Process Test's client says before its runtime has started. */
        private static final String NO_RUNTIME_YET = "is currently not initialized";

        ReadyBeforeTheRuntime(BeanFactory beanFactory) {
            super(beanFactory);
        }

        @Override
        protected void invokeListener(ApplicationListener<?> listener, ApplicationEvent event) {
            if (!(event instanceof ApplicationReadyEvent)) {
                super.invokeListener(listener, event);
                return;
            }
            try {
                super.invokeListener(listener, event);
            } catch (RuntimeException e) {
                if (!beforeTheRuntime(e)) {
                    throw e;
                }
                log.info("no Camunda Process Test runtime yet when the application was ready ({}): each test deploys the ladder",
                        e.getMessage());
            }
        }

        private static boolean beforeTheRuntime(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t.getMessage() != null && t.getMessage().contains(NO_RUNTIME_YET)) {
                    return true;
                }
            }
            return false;
        }
    }
}
