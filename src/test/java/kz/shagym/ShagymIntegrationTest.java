package kz.shagym;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import kz.shagym.complaint.ComplaintLedger;
import kz.shagym.escalation.EmbeddedEngine;
import kz.shagym.notify.TestMailServer;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on its embedded defaults (real in-memory Zeebe engine, H2 file database in a temporary
 * directory), shared by every integration test class so the JVM holds one engine.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shagym.engine.port=0",
        "shagym.clock-control=true",
        "shagym.admin.username=" + LadderHarness.ADMIN,
        "shagym.admin.password=" + LadderHarness.ADMIN_PASSWORD,
        "shagym.engine.watch-interval=PT1H",
        // Tests run the reminder sender and planner synchronously; the schedules stay out of their way.
        "shagym.notify.send-interval=PT1H",
        "shagym.notify.reconcile-interval=PT1H",
        // Two identity keys, as after a rotation: new writes use test-new; test-old exists to test the rewrite job.
        "shagym.crypto.keys.test-old=" + ShagymIntegrationTest.OLD_KEY,
        "shagym.crypto.keys.test-new=" + ShagymIntegrationTest.NEW_KEY,
        "shagym.crypto.active-key=test-new"})
public abstract class ShagymIntegrationTest {

    public static final String OLD_KEY = "q6bJ2J6k0v1zq3mZ0cJw0k1D6m9oB4mQ3hZ7dE3xT1A=";
    public static final String NEW_KEY = "3C8n0mQ8Zp4d2qY7yK1vW5tR9sL0eH6jF2gA4bN8cD0=";

    private static final Path DATA_DIR = temporaryDataDir();

    /** The embedded H2 database file that the encryption test greps. */
    protected static Path dataDir() {
        return DATA_DIR;
    }

    @Autowired
    protected TestRestTemplate restTemplate;
    @Autowired
    protected EmbeddedEngine engine;
    @Autowired
    protected ComplaintLedger ledger;

    protected LadderHarness ladder;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("shagym.data-dir", DATA_DIR::toString);
        // One GreenMail for the JVM, on a port fixed at class load: the property set, and so the context, stays one.
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> TestMailServer.PORT);
    }

    @BeforeEach
    void harness() {
        ladder = new LadderHarness(restTemplate, engine, ledger);
    }

    private static Path temporaryDataDir() {
        try {
            return Files.createTempDirectory("shagym-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
