package kz.shagym.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.regex.Pattern;
import kz.shagym.clock.ShagymClock;
import kz.shagym.security.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Closing a case and handing it to another lawyer, in Chromium: a coordinator reassigns the case from its page (in
 * Russian), the new lawyer finds it on the board, tries to close it for "other" without saying why and is told so at
 * the note (the form shown again with what was typed), then closes it with the note and sees the reason on the
 * timeline in Kazakh. Screenshots target/screenshots/case-events-*.png.
 */
class CaseClosingBrowserTest extends BrowserTestSupport {

    private static final DateTimeFormatter LOCAL_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @LocalServerPort
    private int port;
    @Autowired
    private ShagymClock clock;
    private BrowserContext context;
    private Page page;

    @AfterEach
    void closeSession() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void aCoordinatorHandsTheCaseOverAndTheNewLawyerClosesItWithItsReason() {
        String first = TestUsers.create(ladder, "LAWYER");
        String second = TestUsers.create(ladder, "LAWYER");
        String coordinator = TestUsers.create(ladder, "COORDINATOR");
        UUID id = ladder.register(ladder.ago(Duration.ofDays(1))); // set-up: the case exists (the intake form is BrowserTest's)
        ladder.rest().exchange("/api/complaints/" + id + "/lawyer", org.springframework.http.HttpMethod.PUT,
                new org.springframework.http.HttpEntity<>("{\"lawyer\": \"" + first + "\"}", kz.shagym.LadderHarness.jsonHeaders()), String.class);
        String caseNumber = ladder.view(id).get("caseNumber").asText();

        signIn(coordinator);
        page.navigate(url("/cases/" + id));
        assertThat(page.locator("#event-form")).hasCount(0); // a coordinator records nothing…
        page.locator("#reassign-lawyer").selectOption(second); // …but hands the case over
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserTest.SCREENSHOTS.resolve("case-events-reassign-ru.png")).setFullPage(true));
        page.locator("#reassign-form button[type=submit]").press("Enter");
        page.waitForURL(Pattern.compile(".*#history$"));
        assertThat(page.locator("#history li[data-type=REASSIGNED]").last()).containsText("Дело передано другому юристу");
        assertThat(page.locator("#history li[data-type=REASSIGNED]").last()).containsText(coordinator);

        signIn(second);
        page.navigate(url("/board"));
        assertThat(page.locator("tr[data-case='" + caseNumber + "']")).hasCount(1);
        page.navigate(url("/cases/" + id));
        page.locator("#ev-type").selectOption("CLOSED");
        assertThat(page.locator("#ev-close-reason")).isVisible();
        assertThat(page.locator("#ev-learned")).isHidden();
        assertThat(page.locator("#ev-next .next-act[data-act=CLOSED]")).containsText("дело уходит с доски");
        page.locator("#ev-close-reason").selectOption("OTHER");
        page.locator("#ev-decided").fill(LOCAL_MINUTES.format(LocalDateTime.ofInstant(clock.instant().minus(Duration.ofMinutes(10)), Formats.ALMATY)));
        page.locator("#event-form button[type=submit]").click();
        assertThat(page.locator("#note-error")).hasText("Для причины «другое» опишите её в примечании.");
        assertThat(page.locator("#ev-note")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#ev-type")).hasValue("CLOSED");
        assertThat(page.locator("#ev-close-reason")).hasValue("OTHER");
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserTest.SCREENSHOTS.resolve("case-events-close-refused-ru.png")).setFullPage(true));

        page.locator("#ev-note").fill("Дело передано адвокату по соглашению");
        page.locator("#event-form button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*#history$"));
        assertThat(page.locator("#case-stage")).hasAttribute("data-stage", "CLOSED");
        page.navigate(url("/cases/" + id + "?lang=kk"));
        assertThat(page.locator("#history li[data-type=CLOSED]")).containsText("басқа");
        assertThat(page.locator("#history li[data-type=CLOSED]")).containsText("Дело передано адвокату по соглашению");
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserTest.SCREENSHOTS.resolve("case-events-closed-kk.png")).setFullPage(true));
        page.navigate(url("/board"));
        assertThat(page.locator("tr[data-case='" + caseNumber + "']")).hasCount(0);
    }

    /** A fresh browser session signed in as this user (the previous one, if any, closed). */
    private void signIn(String username) {
        if (context != null) {
            context.close();
        }
        context = newContext("ru-RU");
        page = context.newPage();
        page.navigate(url("/login?lang=ru"));
        page.locator("#username").fill(username);
        page.locator("#password").fill(TestUsers.PASSWORD);
        page.locator("#password").press("Enter");
        page.waitForURL(Pattern.compile(".*/(board|my/deadlines)$"));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
