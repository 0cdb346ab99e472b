package kz.shagym.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import kz.shagym.ShagymIntegrationTest;
import kz.shagym.clock.ShagymClock;
import kz.shagym.security.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;

/**
 * One complaint climbs the whole ladder in a real browser, on the pages only, as a lawyer would do it over a week:
 * intake, the authority forwards the report to internal security (no copy), the copy arrives later, the complaint to
 * the investigative judge is filed, the judge refuses, the appeal is filed and refused, the communication to the
 * Committee against Torture is filed, the Committee transmits it, the State observes, the Committee adopts its Views,
 * the State reports on follow-up, and the ladder completes. Each step is a method, checks where the case stands on the
 * page (and that the act offered says what will happen, in the page's language), and leaves a screenshot
 * target/screenshots/journey-{lang}-NN-{step}.png. Runs in Russian and in Kazakh.
 *
 * <p>The only set-up outside the pages is the lawyer's account (administrators create accounts through the API).
 */
class LadderJourneyTest extends ShagymIntegrationTest {

    private static final DateTimeFormatter LOCAL_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    private int port;
    @Autowired
    private ShagymClock clock;
    @Autowired
    private MessageSource messages;

    private BrowserContext context;
    private Page page;
    private String lang;
    private int shot;
    private UUID caseId;
    /** The day the journey starts: the report was filed five days before, every later act on a later day. */
    private LocalDate today;

    @BeforeAll
    static void launchChromium() {
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(BrowserTest.CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--no-first-run")));
    }

    @AfterAll
    static void closeChromium() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @AfterEach
    void closeSession() {
        if (context != null) {
            context.close();
        }
    }

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"ru", "kk"})
    void aComplaintClimbsFromIntakeToTheUnFollowUpOnThePagesOnly(String language) {
        openBrowserIn(language);
        signInAsANewLawyer();
        registerTheComplaint();
        recordTheForwardingToInternalSecurityWithoutACopy();
        recordTheCopyArrivingLater();
        fileTheLetter("COMPLAINT_INVESTIGATIVE_JUDGE", today.minusDays(3), "judge-complaint-filed");
        assertStage("INVESTIGATIVE_JUDGE");
        recordTheJudgesRefusal();
        fileTheLetter("APPEAL", today.minusDays(1), "appeal-filed");
        assertStage("APPEAL");
        recordTheAppealCourtsRefusal();
        fileTheLetter("CAT_COMMUNICATION", today, "cat-communication-filed");
        assertStage("UN_COMMUNICATION");
        recordTheTransmittalToTheState();
        recordTheStatesObservations();
        recordTheViews();
        recordTheFollowUpReplyAndSeeTheLadderComplete();
    }

    // ---- the steps ----------------------------------------------------------------------------------------------

    private void openBrowserIn(String language) {
        lang = language;
        shot = 0;
        today = LocalDate.ofInstant(clock.instant(), Formats.ALMATY);
        context = browser.newContext(new Browser.NewContextOptions().setAcceptDownloads(true).setViewportSize(1280, 900)
                .setLocale(language.equals("kk") ? "kk-KZ" : "ru-RU").setTimezoneId("Asia/Almaty"));
        context.setDefaultTimeout(20_000);
        page = context.newPage();
    }

    private void signInAsANewLawyer() {
        String lawyer = TestUsers.create(ladder, "LAWYER");
        page.navigate(url("/login?lang=" + lang)); // the language is kept in a cookie from here on
        assertThat(page.locator("html")).hasAttribute("lang", lang);
        page.locator("#username").fill(lawyer);
        page.locator("#password").fill(TestUsers.PASSWORD);
        page.locator("#password").press("Enter");
        assertThat(page).hasURL(Pattern.compile(".*/my/deadlines$"));
        screenshot("signed-in");
    }

    private void registerTheComplaint() {
        LocalDate filed = today.minusDays(5);
        page.navigate(url("/cases/new"));
        page.locator("#victimName").fill("Жанұзақов Ерлан Серікұлы");
        page.locator("#birthDate").fill("1979-09-21");
        page.locator("#region").selectOption("SHYMKENT");
        page.locator("#allegation").selectOption("TORTURE");
        page.locator("#incidentDate").fill(filed.minusDays(2).toString());
        page.locator("#filedWith").selectOption("POLICE");
        page.locator("#filedDate").fill(filed.toString());
        page.locator("#filedTime").fill("10:00");
        page.locator("#language").selectOption(lang);
        screenshot("intake");
        page.locator("#intake-form button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*/cases/[0-9a-f-]{36}$"));
        caseId = UUID.fromString(page.url().substring(page.url().lastIndexOf('/') + 1));
        assertStage("FILED_WITH_AUTHORITY");
        assertActsOffered("REGISTERED", "FORWARDED_TO_INTERNAL_SECURITY", "REFUSED_TO_REGISTER", "CLOSED");
        screenshot("registered");
    }

    private void recordTheForwardingToInternalSecurityWithoutACopy() {
        chooseAct("FORWARDED_TO_INTERNAL_SECURITY", "act.next.challengeDrafted", "act.next.courtClockFromLearning");
        fillWhen("#ev-decided", today.minusDays(4).atTime(11, 0));
        fillWhen("#ev-learned", today.minusDays(4).atTime(16, 30));
        assertThat(page.locator("#copy-warning")).isVisible();
        assertThat(page.locator("#ev-committee")).isHidden();
        screenshot("forwarding-form");
        submitTheAct();
        assertStage("INVESTIGATIVE_JUDGE");
        assertThat(page.locator("#history li[data-type=FORWARDED_TO_INTERNAL_SECURITY]")).hasCount(1);
        // now the applicant files: nothing is chosen in the form (closing is never the default), the hint says so
        assertThat(page.locator("#ev-type")).hasValue("");
        assertThat(page.locator("#ev-your-turn")).hasText(text("act.yourTurn"));
        assertThat(page.locator("#ev-decided")).isHidden();
        screenshot("forwarded");
    }

    private void recordTheCopyArrivingLater() {
        chooseAct("COPY_RECEIVED", "act.next.copyAdded");
        assertThat(page.locator("#ev-decision option")).hasCount(1);
        fillWhen("#ev-decided", today.minusDays(4).atTime(17, 0));
        screenshot("copy-form");
        submitTheAct();
        assertThat(page.locator("#history li[data-type=COPY_RECEIVED]")).hasCount(1);
        assertThat(page.locator("#history li[data-type=COPY_RECEIVED]")).containsText(text("event.FORWARDED_TO_INTERNAL_SECURITY"));
        assertThat(page.locator("#ev-type option[value=COPY_RECEIVED]")).hasCount(0); // nothing waits for a copy now
        screenshot("copy-received");
    }

    /** Files the drafted letter with the letters' own form, once the engine has drafted it (the page is reloaded). */
    private void fileTheLetter(String kind, LocalDate filedOn, String step) {
        Locator option = page.locator("#file-letter option[data-kind=" + kind + "]");
        awaitOnReload(option);
        page.locator("#file-letter").selectOption(option.getAttribute("value"));
        page.locator("#file-date").fill(filedOn.toString());
        page.locator("#file-channel").selectOption("COURT_OFFICE");
        screenshot(step + "-form");
        page.locator("#file-form button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*/cases/[0-9a-f-]{36}#letters$"));
        assertThat(page.locator("li[data-kind=" + kind + "]").first()).containsText(text("letterStatus.FILED"));
        screenshot(step);
    }

    private void recordTheJudgesRefusal() {
        chooseAct("JUDGE_DECISION", "act.next.judgeRefused");
        page.locator("#ev-outcome").selectOption("REFUSED");
        page.locator("#ev-reason").selectOption("NOT_PROVEN");
        assertThat(page.locator("#ev-outcome option[value=TERMINATED]")).hasCount(0);
        fillWhen("#ev-decided", today.minusDays(2).atTime(10, 0));
        fillWhen("#ev-learned", today.minusDays(2).atTime(10, 0));
        fillWhen("#ev-copy", today.minusDays(2).atTime(12, 0));
        screenshot("judge-refusal-form");
        submitTheAct();
        assertStage("APPEAL");
        screenshot("judge-refused");
    }

    private void recordTheAppealCourtsRefusal() {
        chooseAct("APPEAL_DECISION", "act.next.appealRefused");
        page.locator("#ev-outcome").selectOption("REFUSED");
        fillWhen("#ev-decided", today.minusDays(1).atTime(15, 0));
        fillWhen("#ev-copy", today.minusDays(1).atTime(15, 0));
        screenshot("appeal-refusal-form");
        submitTheAct();
        assertStage("DOMESTIC_REMEDIES_EXHAUSTED");
        assertActsOffered("UN_SUBMITTED", "CLOSED");
        screenshot("domestic-remedies-exhausted");
    }

    private void recordTheTransmittalToTheState() {
        assertActsOffered("UN_TRANSMITTED", "STATE_REPLY", "CLOSED");
        chooseAct("UN_TRANSMITTED", "act.next.stateReplyTerm");
        fillWhen("#ev-decided", minutesAgo(40));
        screenshot("transmittal-form");
        submitTheAct();
        assertThat(page.locator("#history li[data-type=UN_TRANSMITTED]")).hasCount(1);
        assertThat(page.locator("tr[data-rule='un.cat.22.state-reply']")).hasCount(1);
        screenshot("transmitted");
    }

    private void recordTheStatesObservations() {
        chooseAct("STATE_REPLY", "act.next.viewsAwaited");
        fillWhen("#ev-decided", minutesAgo(30));
        submitTheAct();
        assertThat(page.locator("#history li[data-type=STATE_REPLY]")).hasCount(1);
        assertActsOffered("VIEWS_ADOPTED", "CLOSED");
        screenshot("state-observed");
    }

    private void recordTheViews() {
        chooseAct("VIEWS_ADOPTED", "act.next.followUpTerm");
        fillWhen("#ev-decided", minutesAgo(20));
        fillWhen("#ev-learned", minutesAgo(15));
        screenshot("views-form");
        submitTheAct();
        assertStage("UN_FOLLOW_UP");
        assertThat(page.locator("tr[data-rule='un.cat.follow-up']")).hasCount(1);
        screenshot("views-adopted");
    }

    private void recordTheFollowUpReplyAndSeeTheLadderComplete() {
        chooseAct("FOLLOW_UP_REPLY", "act.next.ladderComplete");
        fillWhen("#ev-decided", minutesAgo(5));
        submitTheAct();
        assertStage("CLOSED");
        awaitOnReload(page.locator("#history li[data-type=LADDER_COMPLETED]"));
        assertThat(page.locator("#event-form")).hasCount(0);
        assertThat(page.locator("#file-form")).hasCount(0);
        screenshot("ladder-completed");
    }

    // ---- the page's parts -------------------------------------------------------------------------------------

    /**
     * Picks the act with the keyboard (focus, then the select's own change) and checks that the consequences shown next
     * to it are the act's, in the page's language, and the other acts' are hidden.
     */
    private void chooseAct(String act, String... consequences) {
        page.navigate(url("/cases/" + caseId + "#record"));
        Locator chooser = page.locator("#ev-type");
        chooser.focus();
        chooser.selectOption(act);
        Locator next = page.locator("#ev-next .next-act[data-act=" + act + "]");
        assertThat(next).isVisible();
        for (String key : consequences) {
            assertThat(next).containsText(text(key));
        }
        assertThat(page.locator("#ev-next .next-act:visible")).hasCount(1);
        assertThat(page.locator("label[for=ev-decided] span:visible")).hasText(text("act.date." + act));
    }

    private void submitTheAct() {
        page.locator("#event-form button[type=submit]").press("Enter"); // keyboard: the focused button submits
        page.waitForURL(Pattern.compile(".*/cases/[0-9a-f-]{36}#history$"));
        assertThat(page.locator("p.field-error")).hasCount(0);
    }

    private void assertStage(String stage) {
        page.navigate(url("/cases/" + caseId));
        assertThat(page.locator("#case-stage")).hasAttribute("data-stage", stage);
        assertThat(page.locator("#case-stage")).hasText(text("stage." + stage));
    }

    private void assertActsOffered(String... acts) {
        page.navigate(url("/cases/" + caseId));
        Locator offered = page.locator("#ev-type option:not([value=''])");
        assertThat(offered).hasCount(acts.length);
        for (int i = 0; i < acts.length; i++) {
            assertThat(offered.nth(i)).hasAttribute("value", acts[i]);
        }
    }

    private void fillWhen(String field, LocalDateTime when) {
        page.locator(field).fill(LOCAL_MINUTES.format(when));
    }

    /** The engine drafts letters and completes the ladder after the page's request: reload until it shows. */
    private void awaitOnReload(Locator locator) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (locator.count() == 0 && System.nanoTime() < deadline) {
            page.waitForTimeout(300);
            page.reload();
        }
        assertThat(locator.first()).isAttached();
    }

    private LocalDateTime minutesAgo(int minutes) {
        return LocalDateTime.ofInstant(clock.instant().minus(Duration.ofMinutes(minutes)), Formats.ALMATY).truncatedTo(ChronoUnit.MINUTES);
    }

    private String text(String key) {
        return messages.getMessage(key, null, Locale.forLanguageTag(lang));
    }

    private void screenshot(String step) {
        shot++;
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(BrowserTest.SCREENSHOTS.resolve("journey-%s-%02d-%s.png".formatted(lang, shot, step))));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
