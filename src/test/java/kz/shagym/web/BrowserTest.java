package kz.shagym.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.regex.Pattern;
import kz.shagym.LadderHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The pages in a real browser (Debian's Chromium driven by Playwright): a complaint registered through the intake form,
 * moved up the ladder through the case page's form, seen on the board and on the diagram, its letter downloaded, the
 * page switched to Kazakh. Screenshots of the board and the case page go to target/screenshots/ on every run.
 */
class BrowserTest extends BrowserTestSupport {

    private static final DateTimeFormatter LOCAL_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @LocalServerPort
    private int port;
    private BrowserContext context;
    private Page page;

    @BeforeEach
    void newSession() {
        context = newContext("ru-RU");
        page = context.newPage();
    }

    @AfterEach
    void closeSession() {
        context.close();
    }

    @Test
    void aComplaintRegisteredInTheBrowserClimbsToTheJudgeOnTheBoardAndTheDiagram() throws Exception {
        logIn(LadderHarness.ADMIN, LadderHarness.ADMIN_PASSWORD);
        assertThat(page).hasURL(Pattern.compile(".*/board$"));

        UUID id = registerThroughTheIntakeForm();
        String caseNumber = page.locator("#case-number").textContent().strip();
        assertThat(page.locator("#case-stage")).hasAttribute("data-stage", "FILED_WITH_AUTHORITY");
        ladder.awaitWaitingAt(id, "Gateway_AwaitAuthorityResponse");

        recordForwardingToInternalSecurity();
        assertThat(page.locator("#case-stage")).hasAttribute("data-stage", "INVESTIGATIVE_JUDGE");
        assertThat(page.locator("#history li[data-type=FORWARDED_TO_INTERNAL_SECURITY]")).hasCount(1);
        assertThat(page.locator("p.warn[role=alert]")).isVisible(); // no copy of the forwarding was received

        assertTheDiagramHighlights("CallActivity_InvestigativeJudge");
        assertThat(page.locator("tr[data-rule='kz.upk.106.file-complaint'] details li").first()).isAttached();
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("case.png")).setFullPage(true));

        page.navigate(url("/board"));
        Locator row = page.locator("tr[data-case='" + caseNumber + "']");
        assertThat(row.locator("td.stage")).hasText("Жалоба следственному судье (ст. 106)");
        assertThat(row.locator("td.who")).containsText("мы");
        assertThat(row.locator("td.days")).hasText(Pattern.compile("-?\\d+"));
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("board.png")).setFullPage(true));

        page.navigate(url("/cases/" + id));
        assertDocx(downloadLetter(id, "COMPLAINT_INVESTIGATIVE_JUDGE"));
        fileTheLetter("Жалоба следственному судье");
        assertThat(page.locator("li[data-kind=COMPLAINT_INVESTIGATIVE_JUDGE]")).containsText("подано");
        assertThat(page.locator("#history li[data-type=FILED]")).hasCount(1);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Қаз")).click();
        assertThat(page.locator("html")).hasAttribute("lang", "kk");
        assertThat(page.locator("#deadlines-h")).hasText("Мерзімдер");
        assertThat(page.locator("label[for=ev-type]")).hasText("Не болды");
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("case-kk.png")).setFullPage(true));
    }

    @Test
    void thePagesWorkAtPhoneWidthInEnglish() {
        page.setViewportSize(390, 844);
        page.navigate(url("/login?lang=en"));
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(page.getByLabel("User name")).isVisible();
        page.getByLabel("User name").fill(LadderHarness.ADMIN);
        page.getByLabel("Password").fill(LadderHarness.ADMIN_PASSWORD);
        page.getByLabel("Password").press("Enter"); // keyboard only
        assertThat(page.locator("h1")).hasText("Ladder board");
        page.navigate(url("/cases/new"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register")).click();
        assertThat(page.locator("#victimName-error")).hasText("Please fill in this field.");
        Number overflow = (Number) page.evaluate("document.documentElement.scrollWidth - window.innerWidth");
        assertThat(overflow.intValue()).as("no horizontal scrolling of the page at phone width").isLessThanOrEqualTo(0);
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("intake-phone.png")).setFullPage(true));
    }

    @Test
    void aLawyerTurnsOnTheSecondFactorAndThenSignsInWithACode() {
        String lawyer = kz.shagym.security.TestUsers.create(ladder, "LAWYER");
        logIn(lawyer, kz.shagym.security.TestUsers.PASSWORD);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Мой аккаунт")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Настроить")).click();
        String secret = page.locator("#totp-secret").inputValue();
        assertThat(page.locator("#totp-uri")).hasValue(Pattern.compile("otpauth://totp/.*secret=" + secret + ".*"));
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("account-totp-setup.png")).setFullPage(true));
        kz.shagym.security.TotpTestCodes.awaitFreshStep();
        page.locator("#totp-confirm-code").fill(kz.shagym.security.TotpTestCodes.stepsFromNow(secret, -1));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Включить")).click();
        assertThat(page.locator("p.notice[role=status]")).hasText("Второй фактор включён.");
        page.locator("#token-name").fill("Сценарий выгрузки");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Создать токен")).click();
        assertThat(page.locator("#new-token")).hasValue(Pattern.compile("shg_.{43}"));
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("account.png")).setFullPage(true));

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Выйти")).click();
        logIn(lawyer, kz.shagym.security.TestUsers.PASSWORD);
        assertThat(page).hasURL(Pattern.compile(".*/login/totp$"));
        assertThat(page.locator("h1")).hasText("Код подтверждения");
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("login-totp.png")).setFullPage(true));
        page.locator("#code").fill(kz.shagym.security.TotpTestCodes.stepsFromNow(secret, 0));
        page.locator("#code").press("Enter");
        assertThat(page).hasURL(Pattern.compile(".*/my/deadlines$"));
    }

    @Test
    void aLawyerWithoutHerPhoneSignsInWithARecoveryCodeShownOnceAtActivation() {
        String lawyer = kz.shagym.security.TestUsers.create(ladder, "LAWYER");
        logIn(lawyer, kz.shagym.security.TestUsers.PASSWORD);
        page.navigate(url("/my/account"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Настроить")).click();
        String secret = page.locator("#totp-secret").inputValue();
        kz.shagym.security.TotpTestCodes.awaitFreshStep();
        page.locator("#totp-confirm-code").fill(kz.shagym.security.TotpTestCodes.stepsFromNow(secret, -1));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Включить")).click();
        Locator codes = page.locator("#recovery-codes code");
        assertThat(codes).hasCount(10);
        String code = codes.nth(4).textContent();
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("account-recovery-codes.png")).setFullPage(true));
        page.reload();
        assertThat(page.locator("#recovery-codes")).hasCount(0);
        assertThat(page.locator("#recovery-left")).hasText("Неиспользованных кодов восстановления: 10.");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Выйти")).click();
        logIn(lawyer, kz.shagym.security.TestUsers.PASSWORD);
        assertThat(page).hasURL(Pattern.compile(".*/login/totp$"));
        page.getByLabel("Код из приложения или код восстановления").fill(code.toUpperCase(java.util.Locale.ROOT));
        page.getByLabel("Код из приложения или код восстановления").press("Enter"); // the field's own check lets it through
        assertThat(page).hasURL(Pattern.compile(".*/my/deadlines$"));
        page.navigate(url("/my/account"));
        assertThat(page.locator("#recovery-left")).hasText("Неиспользованных кодов восстановления: 9.");
    }

    private void logIn(String username, String password) {
        page.navigate(url("/login"));
        page.locator("#username").fill(username);
        page.locator("#password").fill(password);
        page.locator("form button[type=submit]").click();
    }

    private UUID registerThroughTheIntakeForm() {
        LocalDateTime filed = almatyNow().minusDays(1).truncatedTo(ChronoUnit.MINUTES);
        page.navigate(url("/cases/new"));
        page.locator("#victimName").fill("Сериков Серик Серикович");
        page.locator("#birthDate").fill("1985-04-12");
        page.locator("#region").selectOption("KARAGANDA");
        page.locator("#allegation").selectOption("TORTURE");
        page.locator("#incidentDate").fill(filed.toLocalDate().minusDays(2).toString());
        page.locator("#filedWith").selectOption("ANTI_CORRUPTION");
        page.locator("#filedDate").fill(filed.toLocalDate().toString());
        page.locator("#filedTime").fill(filed.toLocalTime().toString());
        page.locator("#language").selectOption("ru");
        page.locator("#intake-form button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*/cases/[0-9a-f-]{36}$"));
        return UUID.fromString(page.url().substring(page.url().lastIndexOf('/') + 1));
    }

    private void recordForwardingToInternalSecurity() {
        LocalDateTime now = almatyNow();
        page.locator("#ev-type").selectOption("FORWARDED_TO_INTERNAL_SECURITY");
        page.locator("#ev-decided").fill(LOCAL_MINUTES.format(now.minusHours(20)));
        page.locator("#ev-learned").fill(LOCAL_MINUTES.format(now.minusHours(2)));
        assertThat(page.locator("#copy-warning")).isVisible();
        page.locator("#event-form button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*/cases/[0-9a-f-]{36}#history$"));
    }

    private void fileTheLetter(String label) {
        page.locator("#file-letter").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(label));
        page.locator("#file-date").fill(almatyNow().toLocalDate().toString());
        page.locator("#file-channel").selectOption("COURT_OFFICE");
        page.locator("#file-form button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*/cases/[0-9a-f-]{36}#letters$"));
    }

    private void assertTheDiagramHighlights(String elementId) {
        assertThat(page.locator("#diagram")).hasAttribute("data-ready", "true");
        assertThat(page.locator("#diagram g[data-element-id='" + elementId + "']"))
                .hasClass(Pattern.compile("(^|\\s)current(\\s|$)"));
        assertThat(page.locator(".bjs-powered-by")).isVisible(); // the bpmn.io watermark stays
    }

    /** The letter is drafted by the engine's worker after the event: reload until its link is there. */
    private Path downloadLetter(UUID id, String kind) {
        Locator link = page.locator("li[data-kind=" + kind + "] a.download");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (link.count() == 0 && System.nanoTime() < deadline) {
            page.waitForTimeout(300);
            page.reload();
        }
        Download download = page.waitForDownload(() -> link.first().click());
        assertThat(download.suggestedFilename()).endsWith(".docx");
        return download.path();
    }

    private static void assertDocx(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes.length).isGreaterThan(1000);
        assertThat(new String(bytes, 0, 2, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("PK");
    }

    private LocalDateTime almatyNow() {
        return LocalDateTime.ofInstant(ladder.now(), Formats.ALMATY);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static Path screenshot(String name) {
        return SCREENSHOTS.resolve(name);
    }
}
