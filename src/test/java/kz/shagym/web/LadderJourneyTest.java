package kz.shagym.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import kz.shagym.LadderHarness;
import kz.shagym.clock.ShagymClock;
import kz.shagym.web.AdminUsersBrowserTest.NewUser;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;

/**
 * The product's acceptance journey, in a real browser and on the pages only: the administrator creates a lawyer, a
 * staff member and a coordinator on the users page; each signs in with the one-time password and chooses their own.
 * The lawyer registers one complaint and assigns the staff member to it; the lawyer records each authority act as the
 * ladder asks for it (forwarding to internal security without a copy, the copy later, the judge's refusal, the appeal
 * court's refusal, the Committee's transmittal, the State's observations, the Views, the State's follow-up reply); each
 * letter the ladder drafts and waits on (complaint to the investigative judge, appeal, communication to the Committee
 * against Torture) is opened by the staff member from the case page, read as page images and approved, then recorded
 * as filed by the lawyer in the letter's workspace. The coordinator watches the case's stage change on the board and at
 * the end downloads the board's XLSX. No API call: only the clock is moved by the test when a legal wait must pass.
 *
 * <p>Every distinct page is checked for accessibility and for English left on a Russian or Kazakh page. Each step
 * leaves a screenshot target/screenshots/journey-{lang}-NN-{step}.png. Runs in Russian and in Kazakh.
 */
class LadderJourneyTest extends BrowserTestSupport {

    private static final DateTimeFormatter LOCAL_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @LocalServerPort
    private int port;
    @Autowired
    private ShagymClock clock;
    @Autowired
    private MessageSource messages;

    private final List<BrowserContext> contexts = new ArrayList<>();
    /** One browser context (own cookies, own session) per person. */
    private Page admin;
    private Page lawyer;
    private Page staff;
    private Page coordinator;
    private NewUser lawyerUser;
    private NewUser staffUser;
    private NewUser coordinatorUser;
    private String password;

    private String lang;
    private int shot;
    private UUID caseId;
    private String caseNumber;
    /** The day the journey starts: the report was filed five days before, every later act on a later day. */
    private LocalDate today;

    @AfterEach
    void closeSessions() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"ru", "kk"})
    void aComplaintClimbsFromIntakeToTheUnFollowUpOnThePagesOnly(String language) throws Exception {
        startTheJourneyIn(language);
        theAdministratorCreatesTheLawyerTheStaffMemberAndTheCoordinator();
        eachNewUserSignsInAndChoosesAPassword();
        theLawyerLooksAtHerDeadlinesAndHerAccount();

        theLawyerRegistersTheComplaint();
        theLawyerAssignsTheStaffMemberToTheCase();
        theCoordinatorSeesTheCaseOnTheBoardAt("FILED_WITH_AUTHORITY");

        theLawyerRecordsTheForwardingToInternalSecurityWithoutACopy();
        theLawyerRecordsTheCopyArrivingLater();
        theStaffMemberReadsAndApprovesTheLetter("COMPLAINT_INVESTIGATIVE_JUDGE");
        theLawyerRecordsTheLettersFiling("COMPLAINT_INVESTIGATIVE_JUDGE", today.minusDays(3), "COURT_OFFICE");
        assertStage("INVESTIGATIVE_JUDGE");
        theCoordinatorSeesTheCaseOnTheBoardAt("INVESTIGATIVE_JUDGE");

        theLawyerRecordsTheJudgesRefusal();
        theStaffMemberReadsAndApprovesTheLetter("APPEAL");
        theLawyerRecordsTheLettersFiling("APPEAL", today.minusDays(1), "COURT_OFFICE");
        assertStage("APPEAL");
        theLawyerRecordsTheAppealCourtsRefusal();
        theCoordinatorSeesTheCaseOnTheBoardAt("DOMESTIC_REMEDIES_EXHAUSTED");

        theLawyerHasTheCommunicationDraftedInEnglish();
        theStaffMemberReadsAndApprovesTheLetter("CAT_COMMUNICATION");
        theLawyerRecordsTheLettersFiling("CAT_COMMUNICATION", today, "EMAIL");
        assertStage("UN_COMMUNICATION");
        theCoordinatorSeesTheCaseOnTheBoardAt("UN_COMMUNICATION");
        theLawyerRecordsTheTransmittalToTheState();
        theLawyerRecordsTheStatesObservations();
        theLawyerRecordsTheViews();
        theCoordinatorSeesTheCaseOnTheBoardAt("UN_FOLLOW_UP");
        theCoordinatorDownloadsTheBoardAsXlsx("UN_FOLLOW_UP");

        theLawyerRecordsTheFollowUpReplyAndSeesTheLadderComplete();
        theCoordinatorSeesTheClosedCaseLeaveTheBoard();
    }

    // ---- the steps ----------------------------------------------------------------------------------------------

    private void startTheJourneyIn(String language) throws java.io.IOException {
        lang = language;
        shot = 0;
        forgetTheLastRunsScreenshots();
        today = LocalDate.ofInstant(clock.instant(), Formats.ALMATY);
        String suffix = lang + "-" + UUID.randomUUID().toString().substring(0, 6);
        boolean kk = lang.equals("kk");
        lawyerUser = new NewUser("yurist-" + suffix, kk ? "Нұрланова Әйгерім Серікқызы" : "Абенова Гульнара Маратовна",
                "lawyer-" + suffix + "@example.org", "LAWYER", lang);
        staffUser = new NewUser("sotrudnik-" + suffix, kk ? "Оспанова Айжан" : "Ким Олег",
                "staff-" + suffix + "@example.org", "STAFF", lang);
        coordinatorUser = new NewUser("koordinator-" + suffix, kk ? "Бекова Динара" : "Садыкова Асель",
                "coordinator-" + suffix + "@example.org", "COORDINATOR", lang);
        password = kk ? "менің-құпиясөзім-2026" : "мой-пароль-2026";
        admin = newSession();
        lawyer = newSession();
        staff = newSession();
        coordinator = newSession();
    }

    private void theAdministratorCreatesTheLawyerTheStaffMemberAndTheCoordinator() {
        openTheLoginPage(admin);
        checkPage(admin, "login");
        AdminUsersBrowserTest.signIn(admin, root(), LadderHarness.ADMIN, LadderHarness.ADMIN_PASSWORD);
        String lawyerOnce = AdminUsersBrowserTest.createUser(admin, root(), lawyerUser);
        assertThat(admin.locator("#user-role")).hasText(text("users.role.LAWYER"));
        checkPage(admin, "admin user");
        screenshot(admin, "admin-lawyer-created");
        String staffOnce = AdminUsersBrowserTest.createUser(admin, root(), staffUser);
        String coordinatorOnce = AdminUsersBrowserTest.createUser(admin, root(), coordinatorUser);
        admin.navigate(url("/admin/users"));
        for (NewUser user : List.of(lawyerUser, staffUser, coordinatorUser)) {
            assertThat(admin.locator("tr[data-user='" + user.username() + "'] td.role")).hasText(text("users.role." + user.role()));
        }
        checkPage(admin, "admin users");
        screenshot(admin, "admin-users");
        oneTimePasswords = List.of(lawyerOnce, staffOnce, coordinatorOnce);
    }

    private List<String> oneTimePasswords;

    private void eachNewUserSignsInAndChoosesAPassword() {
        List<Page> pages = List.of(lawyer, staff, coordinator);
        List<NewUser> users = List.of(lawyerUser, staffUser, coordinatorUser);
        for (int i = 0; i < pages.size(); i++) {
            Page own = pages.get(i);
            openTheLoginPage(own);
            AdminUsersBrowserTest.signIn(own, root(), users.get(i).username(), oneTimePasswords.get(i));
            assertThat(own).hasURL(Pattern.compile(".*/my/password/new$"));
            if (i == 0) {
                checkPage(own, "new password");
                screenshot(own, "new-password");
            }
            AdminUsersBrowserTest.chooseNewPassword(own, password);
            assertThat(own.locator("html")).hasAttribute("lang", lang);
        }
        checkPage(coordinator, "board");
        screenshot(coordinator, "coordinator-board");
    }

    private void theLawyerLooksAtHerDeadlinesAndHerAccount() {
        lawyer.navigate(url("/my/deadlines"));
        assertThat(lawyer.locator("html")).hasAttribute("lang", lang);
        checkPage(lawyer, "my deadlines");
        screenshot(lawyer, "my-deadlines");
        lawyer.navigate(url("/my/account"));
        assertThat(lawyer.locator("#password-help")).isVisible();
        checkPage(lawyer, "account");
        screenshot(lawyer, "account");
    }

    private void theLawyerRegistersTheComplaint() {
        LocalDate filed = today.minusDays(5);
        lawyer.navigate(url("/cases/new"));
        lawyer.locator("#victimName").fill("Жанұзақов Ерлан Серікұлы");
        lawyer.locator("#birthDate").fill("1979-09-21");
        lawyer.locator("#region").selectOption("SHYMKENT");
        lawyer.locator("#allegation").selectOption("TORTURE");
        lawyer.locator("#incidentDate").fill(filed.minusDays(2).toString());
        lawyer.locator("#filedWith").selectOption("POLICE");
        lawyer.locator("#filedDate").fill(filed.toString());
        lawyer.locator("#filedTime").fill("10:00");
        lawyer.locator("#language").selectOption(lang);
        checkPage(lawyer, "intake");
        screenshot(lawyer, "intake");
        lawyer.locator("#intake-form button[type=submit]").click();
        lawyer.waitForURL(Pattern.compile(".*/cases/[0-9a-f-]{36}$"));
        caseId = UUID.fromString(lawyer.url().substring(lawyer.url().lastIndexOf('/') + 1));
        caseNumber = lawyer.locator("#case-number").textContent().strip();
        assertStage("FILED_WITH_AUTHORITY");
        assertActsOffered("REGISTERED", "FORWARDED_TO_INTERNAL_SECURITY", "REFUSED_TO_REGISTER", "CLOSED");
        checkPage(lawyer, "case page, registered");
        screenshot(lawyer, "registered");
    }

    /** On the case page's access form: the staff member, with the staff grant (who prepares and reviews letters). */
    private void theLawyerAssignsTheStaffMemberToTheCase() {
        lawyer.navigate(url("/cases/" + caseId));
        lawyer.locator("#grant-user").selectOption(staffUser.username());
        lawyer.locator("#grant-kind").selectOption("STAFF");
        lawyer.locator("#grant-form button[type=submit]").click();
        lawyer.waitForLoadState();
        Locator grant = lawyer.locator("#grants tr[data-user='" + staffUser.username() + "'][data-kind=STAFF]");
        assertThat(grant).hasCount(1);
        assertThat(grant).containsText(text("grant.kind.STAFF"));
        grant.scrollIntoViewIfNeeded();
        screenshot(lawyer, "staff-assigned");
    }

    /** The coordinator finds the case by its number on the board; its row's stage is the one the case page shows. */
    private void theCoordinatorSeesTheCaseOnTheBoardAt(String stage) {
        searchTheBoardForTheCase();
        Locator row = coordinator.locator("table.board tbody tr[data-case='" + caseNumber + "']");
        assertThat(row).hasCount(1);
        assertThat(row.locator("td.stage")).hasText(text("stage." + stage));
        if (stage.equals("FILED_WITH_AUTHORITY")) {
            checkPage(coordinator, "board, one case found");
        }
        screenshot(coordinator, "board-" + stage.toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    private void theLawyerRecordsTheForwardingToInternalSecurityWithoutACopy() {
        chooseAct("FORWARDED_TO_INTERNAL_SECURITY", "act.next.challengeDrafted", "act.next.courtClockFromLearning");
        fillWhen("#ev-decided", today.minusDays(4).atTime(11, 0));
        fillWhen("#ev-learned", today.minusDays(4).atTime(16, 30));
        assertThat(lawyer.locator("#copy-warning")).isVisible();
        assertThat(lawyer.locator("#ev-committee")).isHidden();
        screenshot(lawyer, "forwarding-form");
        submitTheAct();
        assertStage("INVESTIGATIVE_JUDGE");
        assertThat(lawyer.locator("#history li[data-type=FORWARDED_TO_INTERNAL_SECURITY]")).hasCount(1);
        // now the applicant files: nothing is chosen in the form (closing is never the default), the hint says so
        assertThat(lawyer.locator("#ev-type")).hasValue("");
        assertThat(lawyer.locator("#ev-your-turn")).hasText(text("act.yourTurn"));
        assertThat(lawyer.locator("#ev-decided")).isHidden();
        checkPage(lawyer, "case page, the applicant's turn");
        screenshot(lawyer, "forwarded");
    }

    private void theLawyerRecordsTheCopyArrivingLater() {
        chooseAct("COPY_RECEIVED", "act.next.copyAdded");
        assertThat(lawyer.locator("#ev-decision option")).hasCount(1);
        fillWhen("#ev-decided", today.minusDays(4).atTime(17, 0));
        screenshot(lawyer, "copy-form");
        submitTheAct();
        assertThat(lawyer.locator("#history li[data-type=COPY_RECEIVED]")).hasCount(1);
        assertThat(lawyer.locator("#history li[data-type=COPY_RECEIVED]")).containsText(text("event.FORWARDED_TO_INTERNAL_SECURITY"));
        assertThat(lawyer.locator("#ev-type option[value=COPY_RECEIVED]")).hasCount(0); // nothing waits for a copy now
        screenshot(lawyer, "copy-received");
    }

    /**
     * The staff member opens the drafted letter from the case page's list (once the engine has drafted it), reads it as
     * page images, and approves it; the case's timeline then says so.
     */
    private void theStaffMemberReadsAndApprovesTheLetter(String kind) {
        staff.navigate(url("/cases/" + caseId));
        Locator link = staff.locator("#letters li[data-kind=" + kind + "] a.workspace");
        awaitOnReload(staff, link);
        link.first().focus();
        link.first().press("Enter"); // keyboard: the link has the focus
        staff.waitForURL(Pattern.compile(".*/letters/[0-9a-f-]{36}/review$"));
        assertThat(staff.locator("#letter-title")).hasText(text("letter." + kind));
        assertThat(staff.locator("#letter-status")).hasAttribute("data-status", "DRAFT");
        Locator firstPage = staff.locator("#preview ol.pages img").first();
        assertThat(firstPage).isVisible();
        staff.waitForFunction("() => [...document.querySelectorAll('#preview img')].every(i => i.complete && i.naturalWidth > 800)");
        if (kind.equals("COMPLAINT_INVESTIGATIVE_JUDGE")) {
            checkPage(staff, "letter workspace");
        }
        screenshot(staff, "workspace-" + kind.toLowerCase(Locale.ROOT).replace('_', '-'));
        staff.locator("#review-note").fill(lang.equals("kk") ? "Тексерілді, беруге болады" : "Проверено, можно подавать");
        staff.locator("#approve").click();
        staff.waitForURL(Pattern.compile(".*/review#review$"));
        assertThat(staff.locator("#letter-status")).hasAttribute("data-status", "APPROVED");
        assertThat(staff.locator("#letter-status")).hasText(text("letterStatus.APPROVED"));
    }

    /**
     * The communication to the Committee starts in Russian, whatever the case's language: the page offers Russian and
     * English only (the Committees do not take Kazakh); the lawyer chooses English and the letter is drafted again in it.
     */
    private void theLawyerHasTheCommunicationDraftedInEnglish() {
        lawyer.navigate(url("/cases/" + caseId));
        Locator link = lawyer.locator("#letters li[data-kind=CAT_COMMUNICATION] a.workspace");
        awaitOnReload(lawyer, link);
        link.first().click();
        lawyer.waitForURL(Pattern.compile(".*/letters/[0-9a-f-]{36}/review$"));
        Locator language = lawyer.locator("#letter-language");
        assertThat(language).hasValue("ru");
        assertThat(language.locator("option")).hasCount(2);
        assertThat(language.locator("option[value=kk]")).hasCount(0);
        assertThat(lawyer.locator("#letter-language-hint")).hasText(text("workspace.letterLanguage.unHelp"));
        language.selectOption("en");
        lawyer.locator("#language-save").click();
        lawyer.waitForURL(Pattern.compile(".*/review#versions$"));
        assertThat(lawyer.locator("#letter-language")).hasValue("en");
        assertThat(lawyer.locator("#versions tbody tr")).hasCount(2);
        screenshot(lawyer, "cat-communication-in-english");
    }

    /** The lawyer opens the approved letter from the case page and records its filing in the workspace. */
    private void theLawyerRecordsTheLettersFiling(String kind, LocalDate filedOn, String channel) {
        lawyer.navigate(url("/cases/" + caseId));
        Locator letter = lawyer.locator("#letters li[data-kind=" + kind + "]").first();
        assertThat(letter).containsText(text("letterStatus.APPROVED"));
        letter.locator("a.workspace").click();
        lawyer.waitForURL(Pattern.compile(".*/letters/[0-9a-f-]{36}/review$"));
        lawyer.locator("#filing-date").fill(filedOn.toString());
        lawyer.locator("#filing-channel").selectOption(channel);
        lawyer.locator("#file").click();
        lawyer.waitForURL(Pattern.compile(".*/review#filing$"));
        assertThat(lawyer.locator("#filed-note")).isVisible();
        assertThat(lawyer.locator("#letter-status")).hasText(text("letterStatus.FILED"));
        screenshot(lawyer, kind.toLowerCase(Locale.ROOT).replace('_', '-') + "-filed");
    }

    private void theLawyerRecordsTheJudgesRefusal() {
        chooseAct("JUDGE_DECISION", "act.next.judgeRefused");
        lawyer.locator("#ev-outcome").selectOption("REFUSED");
        lawyer.locator("#ev-reason").selectOption("NOT_PROVEN");
        assertThat(lawyer.locator("#ev-outcome option[value=TERMINATED]")).hasCount(0);
        fillWhen("#ev-decided", today.minusDays(2).atTime(10, 0));
        fillWhen("#ev-learned", today.minusDays(2).atTime(10, 0));
        fillWhen("#ev-copy", today.minusDays(2).atTime(12, 0));
        screenshot(lawyer, "judge-refusal-form");
        submitTheAct();
        assertStage("APPEAL");
        screenshot(lawyer, "judge-refused");
    }

    private void theLawyerRecordsTheAppealCourtsRefusal() {
        chooseAct("APPEAL_DECISION", "act.next.appealRefused");
        lawyer.locator("#ev-outcome").selectOption("REFUSED");
        fillWhen("#ev-decided", today.minusDays(1).atTime(15, 0));
        fillWhen("#ev-copy", today.minusDays(1).atTime(15, 0));
        screenshot(lawyer, "appeal-refusal-form");
        submitTheAct();
        assertStage("DOMESTIC_REMEDIES_EXHAUSTED");
        assertActsOffered("UN_SUBMITTED", "CLOSED");
        checkPage(lawyer, "case page, domestic remedies exhausted");
        screenshot(lawyer, "domestic-remedies-exhausted");
    }

    private void theLawyerRecordsTheTransmittalToTheState() {
        assertActsOffered("UN_TRANSMITTED", "STATE_REPLY", "CLOSED");
        checkPage(lawyer, "case page, at the Committee");
        chooseAct("UN_TRANSMITTED", "act.next.stateReplyTerm");
        fillWhen("#ev-decided", minutesAgo(40));
        screenshot(lawyer, "transmittal-form");
        submitTheAct();
        assertThat(lawyer.locator("#history li[data-type=UN_TRANSMITTED]")).hasCount(1);
        assertThat(lawyer.locator("tr[data-rule='un.cat.22.state-reply']")).hasCount(1);
        screenshot(lawyer, "transmitted");
    }

    private void theLawyerRecordsTheStatesObservations() {
        chooseAct("STATE_REPLY", "act.next.viewsAwaited");
        fillWhen("#ev-decided", minutesAgo(30));
        submitTheAct();
        assertThat(lawyer.locator("#history li[data-type=STATE_REPLY]")).hasCount(1);
        assertActsOffered("VIEWS_ADOPTED", "CLOSED");
        screenshot(lawyer, "state-observed");
    }

    private void theLawyerRecordsTheViews() {
        chooseAct("VIEWS_ADOPTED", "act.next.followUpTerm");
        fillWhen("#ev-decided", minutesAgo(20));
        fillWhen("#ev-learned", minutesAgo(15));
        screenshot(lawyer, "views-form");
        submitTheAct();
        assertStage("UN_FOLLOW_UP");
        assertThat(lawyer.locator("tr[data-rule='un.cat.follow-up']")).hasCount(1);
        checkPage(lawyer, "case page, UN follow-up");
        screenshot(lawyer, "views-adopted");
    }

    private void theLawyerRecordsTheFollowUpReplyAndSeesTheLadderComplete() {
        chooseAct("FOLLOW_UP_REPLY", "act.next.ladderComplete");
        fillWhen("#ev-decided", minutesAgo(5));
        submitTheAct();
        assertStage("CLOSED");
        awaitOnReload(lawyer, lawyer.locator("#history li[data-type=LADDER_COMPLETED]"));
        assertThat(lawyer.locator("#history li[data-type=LADDER_COMPLETED]")).containsText(text("event.LADDER_COMPLETED"));
        assertThat(lawyer.locator("#event-form")).hasCount(0);
        assertThat(lawyer.locator("#file-form")).hasCount(0);
        checkPage(lawyer, "case page, ladder completed");
        screenshot(lawyer, "ladder-completed");
    }

    /**
     * The board's XLSX as the coordinator downloads it with the case searched for: a real workbook, its header row in
     * the page's language, the case listed.
     */
    private void theCoordinatorDownloadsTheBoardAsXlsx(String stage) throws Exception {
        Download download = coordinator.waitForDownload(() -> coordinator.locator("#board-xlsx").click());
        assertThat(download.suggestedFilename()).endsWith(".xlsx");
        List<String> header = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        try (InputStream in = Files.newInputStream(download.path()); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            workbook.getSheetAt(0).getRow(0).forEach(cell -> header.add(cell.getStringCellValue()));
            for (Row row : workbook.getSheetAt(0)) {
                for (Cell cell : row) {
                    cells.add(cell.toString());
                }
            }
        }
        assertThat(header).startsWith(text("xlsx.column.caseNumber"), text("xlsx.column.region"), text("xlsx.column.stage"));
        assertThat(cells).contains(caseNumber, text("stage." + stage));
    }

    /** The board lists the cases still climbing: once the ladder is complete the search finds the case no more. */
    private void theCoordinatorSeesTheClosedCaseLeaveTheBoard() {
        searchTheBoardForTheCase();
        assertThat(coordinator.locator("table.board tbody tr[data-case='" + caseNumber + "']")).hasCount(0);
        screenshot(coordinator, "board-after-completion");
    }

    private void searchTheBoardForTheCase() {
        coordinator.navigate(url("/board"));
        coordinator.locator("#f-q").fill(caseNumber);
        coordinator.locator("#f-q").press("Enter");
        coordinator.waitForURL(Pattern.compile(".*/board\\?.*q=.*"));
    }

    // ---- the page's parts -------------------------------------------------------------------------------------

    /**
     * Picks the act with the keyboard (focus, then the select's own change) and checks that the consequences shown next
     * to it are the act's, in the page's language, and the other acts' are hidden.
     */
    private void chooseAct(String act, String... consequences) {
        lawyer.navigate(url("/cases/" + caseId + "#record"));
        Locator chooser = lawyer.locator("#ev-type");
        chooser.focus();
        chooser.selectOption(act);
        Locator next = lawyer.locator("#ev-next .next-act[data-act=" + act + "]");
        assertThat(next).isVisible();
        for (String key : consequences) {
            assertThat(next).containsText(text(key));
        }
        assertThat(lawyer.locator("#ev-next .next-act:visible")).hasCount(1);
        assertThat(lawyer.locator("label[for=ev-decided] span:visible")).hasText(text("act.date." + act));
    }

    private void submitTheAct() {
        lawyer.locator("#event-form button[type=submit]").press("Enter"); // keyboard: the focused button submits
        lawyer.waitForURL(Pattern.compile(".*/cases/[0-9a-f-]{36}#history$"));
        assertThat(lawyer.locator("p.field-error")).hasCount(0);
    }

    private void assertStage(String stage) {
        lawyer.navigate(url("/cases/" + caseId));
        assertThat(lawyer.locator("#case-stage")).hasAttribute("data-stage", stage);
        assertThat(lawyer.locator("#case-stage")).hasText(text("stage." + stage));
    }

    private void assertActsOffered(String... acts) {
        lawyer.navigate(url("/cases/" + caseId));
        Locator offered = lawyer.locator("#ev-type option:not([value=''])");
        assertThat(offered).hasCount(acts.length);
        for (int i = 0; i < acts.length; i++) {
            assertThat(offered.nth(i)).hasAttribute("value", acts[i]);
        }
    }

    private void fillWhen(String field, LocalDateTime when) {
        lawyer.locator(field).fill(LOCAL_MINUTES.format(when));
    }

    /** The engine drafts letters and completes the ladder after the page's request: reload until it shows. */
    private void awaitOnReload(Page page, Locator locator) {
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

    private void screenshot(Page page, String step) {
        shot++;
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(BrowserTest.SCREENSHOTS.resolve("journey-%s-%02d-%s.png".formatted(lang, shot, step))));
    }

    private String url(String path) {
        return root() + path;
    }


    /** So that target/screenshots holds this run's steps only, numbered in order. */
    private void forgetTheLastRunsScreenshots() throws java.io.IOException {
        Files.createDirectories(BrowserTest.SCREENSHOTS);
        try (var old = Files.newDirectoryStream(BrowserTest.SCREENSHOTS, "journey-" + lang + "-*.png")) {
            for (var file : old) {
                Files.delete(file);
            }
        }
    }

    private Page newSession() {
        BrowserContext context = newContext(lang.equals("kk") ? "kk-KZ" : "ru-RU");
        contexts.add(context);
        return context.newPage();
    }

    /** The login page in the journey's language, which a cookie keeps from here on. */
    private void openTheLoginPage(Page page) {
        page.navigate(url("/login?lang=" + lang));
        assertThat(page.locator("html")).hasAttribute("lang", lang);
    }

    /** The page as it stands: no serious or critical accessibility violation, no English left on it. */
    private void checkPage(Page page, String name) {
        Accessibility.assertNoSeriousViolations(page, name + " (" + lang + ")");
        NoEnglish.assertNone(page);
    }

    private String root() {
        return "http://127.0.0.1:" + port;
    }
}
