package kz.shagym.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import kz.shagym.LadderHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Contradictory dates typed into the intake and into the case page's form, in a real browser, in Russian and Kazakh:
 * the page says what is wrong next to the field, in the page's language with the other date as it was entered, and
 * everything typed is still there. Screenshots: target/screenshots/validation-*.png.
 */
class ValidationBrowserTest extends BrowserTestSupport {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @LocalServerPort
    private int port;
    private BrowserContext context;
    private Page page;

    @BeforeEach
    void newSession() {
        context = newContext("ru-RU");
        page = context.newPage();
        page.navigate(url("/login"));
        page.locator("#username").fill(LadderHarness.ADMIN);
        page.locator("#password").fill(LadderHarness.ADMIN_PASSWORD);
        page.locator("form button[type=submit]").click();
        page.waitForURL(url("/board"));
    }

    @AfterEach
    void closeSession() {
        context.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ru", "kk"})
    void anIncidentAfterTheFilingIsRefusedOnTheIntakeWithEverythingTypedKept(String language) {
        LocalDateTime filed = LocalDateTime.ofInstant(ladder.now(), Formats.ALMATY).minusDays(6).truncatedTo(ChronoUnit.MINUTES)
                .withHour(10).withMinute(30);
        String incident = filed.toLocalDate().plusDays(2).toString();
        page.navigate(url("/cases/new?lang=" + language));
        page.locator("#victimName").fill("Нурланова Айгерим");
        page.locator("#birthDate").fill("1990-03-15");
        page.locator("#region").selectOption("SHYMKENT");
        page.locator("#incidentDate").fill(incident);
        page.locator("#filedWith").selectOption("POLICE");
        page.locator("#filedDate").fill(filed.toLocalDate().toString());
        page.locator("#filedTime").fill("10:30");
        page.locator("#injuries").fill("Кровоподтёки на спине");
        page.locator("#intake-form button[type=submit]").click();

        String expected = language.equals("kk")
                ? "Оқиға күні: оқиға қылмыс туралы хабарлама берілген күннен (" + SHOWN.format(filed) + ") кейін болуы мүмкін емес."
                : "Дата происшествия: происшествие не может быть позже подачи сообщения о преступлении (" + SHOWN.format(filed) + ").";
        assertThat(page.locator("#incidentDate-error")).hasText(expected);
        assertThat(page.locator("#incidentDate")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#incidentDate")).hasAttribute("aria-describedby", "incidentDate-error");
        assertThat(page.locator("#incidentDate")).hasValue(incident);
        assertThat(page.locator("#victimName")).hasValue("Нурланова Айгерим");
        assertThat(page.locator("#birthDate")).hasValue("1990-03-15");
        assertThat(page.locator("#region")).hasValue("SHYMKENT");
        assertThat(page.locator("#region option:checked")).hasText("Шымкент");
        assertThat(page.locator("#filedWith")).hasValue("POLICE");
        assertThat(page.locator("#filedDate")).hasValue(filed.toLocalDate().toString());
        assertThat(page.locator("#filedTime")).hasValue("10:30");
        assertThat(page.locator("#injuries")).hasValue("Кровоподтёки на спине");
        page.locator("#incidentDate").scrollIntoViewIfNeeded();
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("intake-" + language + ".png")).setFullPage(true));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ru", "kk"})
    void learningOfADecisionBeforeItWasMadeIsRefusedOnTheCasePageWithTheDatesKept(String language) {
        Instant filedAt = ladder.now().minus(Duration.ofDays(10)).truncatedTo(ChronoUnit.MINUTES);
        UUID id = ladder.register(LadderHarness.asEntered(filedAt));
        LocalDateTime decided = LocalDateTime.ofInstant(filedAt, Formats.ALMATY).plusDays(3).withHour(15).withMinute(0);
        LocalDateTime learned = decided.minusDays(1);
        page.navigate(url("/cases/" + id + "?lang=" + language));
        page.locator("#ev-type").selectOption("REFUSED_TO_REGISTER");
        page.locator("#ev-authority").selectOption("INVESTIGATOR");
        page.locator("#ev-decided").fill(TYPED.format(decided));
        page.locator("#ev-learned").fill(TYPED.format(learned));
        page.locator("#ev-note").fill("Ответ получен почтой");
        page.locator("#event-form button[type=submit]").click();

        String expected = language.equals("kk")
                ? "Білген күні: шешім қабылданғанға дейін (" + SHOWN.format(decided) + ") ол туралы білу мүмкін емес."
                : "Когда узнали: узнать о решении нельзя раньше, чем оно принято (" + SHOWN.format(decided) + ").";
        assertThat(page.locator("#event-form")).containsText(expected);
        assertThat(page.locator("#ev-learned")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#ev-type")).hasValue("REFUSED_TO_REGISTER");
        assertThat(page.locator("#ev-authority")).hasValue("INVESTIGATOR");
        assertThat(page.locator("#ev-decided")).hasValue(TYPED.format(decided));
        assertThat(page.locator("#ev-learned")).hasValue(TYPED.format(learned));
        assertThat(page.locator("#ev-note")).hasValue("Ответ получен почтой");
        page.locator("#event-form").scrollIntoViewIfNeeded();
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("event-" + language + ".png")));
    }

    private Path screenshot(String name) {
        return BrowserTest.SCREENSHOTS.resolve("validation-" + name);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
