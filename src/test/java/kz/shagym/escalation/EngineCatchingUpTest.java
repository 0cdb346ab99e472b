package kz.shagym.escalation;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;
import kz.shagym.security.TestUsers;
import kz.shagym.web.BrowserTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * While the engine is brought in step with the ledger (the start-up resume runs behind), the application is UP and
 * the lawyer works on: the case page says the engine is catching up, an act recorded meanwhile is accepted at once and
 * waits in the outbox, and reaches the engine when the resume is over. Here a resume is held back by a rebuild that
 * keeps the engine to itself, as a resume of many thousand open complaints would. Screenshot
 * target/screenshots/engine-catching-up-ru.png.
 */
class EngineCatchingUpTest extends BrowserTestSupport {

    @LocalServerPort
    private int port;
    @Autowired
    private EngineSupervisor supervisor;
    @Autowired
    private EngineOutbox outbox;

    @Test
    void duringTheResumeTheCasePageSaysSoAndAnActRecordedMeanwhileReachesTheEngineAfterwards() throws Exception {
        String lawyer = TestUsers.create(ladder, "LAWYER");
        UUID complaint = ladder.register(ladder.ago(Duration.ofDays(2)));
        ladder.rest().exchange("/api/complaints/" + complaint + "/lawyer", org.springframework.http.HttpMethod.PUT,
                new org.springframework.http.HttpEntity<>("{\"lawyer\": \"" + lawyer + "\"}", kz.shagym.LadderHarness.jsonHeaders()),
                String.class);
        ladder.awaitWaitingAt(complaint, "Gateway_AwaitAuthorityResponse");
        assertThat(supervisor.catchingUp()).isFalse();

        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread busy = new Thread(() -> supervisor.withEngineExclusive(() -> {
            holding.countDown();
            awaitQuietly(release);
        }));
        busy.start();
        holding.await();
        // What a start against a persistent engine does; it waits for the engine behind the busy thread.
        Thread resume = new Thread(() -> supervisor.resumeOnStart(true));
        resume.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(supervisor::catchingUp);
            assertThat(supervisor.health().getStatus().getCode()).isEqualTo("UP");

            try (BrowserContext context = newContext("ru-RU")) {
                Page page = context.newPage();
                page.navigate(url("/login?lang=ru"));
                page.locator("#username").fill(lawyer);
                page.locator("#password").fill(TestUsers.PASSWORD);
                page.locator("#password").press("Enter");
                page.waitForURL(Pattern.compile(".*/(board|my/deadlines)$"));
                page.navigate(url("/cases/" + complaint));
                assertThat(page.locator("#engine-catching-up")).containsText("догоняет журнал");
                Path shots = Files.createDirectories(Path.of("target", "screenshots"));
                page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("engine-catching-up-ru.png")).setFullPage(true));
            }

            long waitingBefore = outbox.waiting();
            ladder.event(complaint, """
                    {"type": "FORWARDED_TO_INTERNAL_SECURITY", "occurredAt": "%s", "learnedAt": "%s"}"""
                    .formatted(ladder.ago(Duration.ofDays(1)), ladder.ago(Duration.ofHours(3))));
            assertThat(outbox.waiting()).as("accepted, and waiting for the engine").isEqualTo(waitingBefore + 1);
        } finally {
            release.countDown();
            busy.join();
            resume.join();
        }

        assertThat(supervisor.catchingUp()).isFalse();
        ladder.awaitWaitingAt(complaint, "Task_AwaitJudgeFiling", "Task_AwaitProsecutorComplaintFiling");
        assertThat(outbox.waiting()).isZero();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
