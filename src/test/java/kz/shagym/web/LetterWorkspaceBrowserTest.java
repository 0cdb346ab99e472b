package kz.shagym.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import kz.shagym.security.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The letters workspace in a real browser (Debian's Chromium through Playwright): a staff member assigned to the case
 * opens the letter from the case page, reads it as rendered pages, uploads an edited DOCX and approves it; the lawyer
 * then records the filing on the same page. Screenshots go to target/screenshots/letters-workspace-*.png.
 */
class LetterWorkspaceBrowserTest extends BrowserTestSupport {

    @LocalServerPort
    private int port;
    private BrowserContext context;
    private Page page;

    @BeforeEach
    void newSession() {
        context = newContext("ru-RU");
        context.setDefaultTimeout(30_000); // longer than the shared 20 s: rendering the letter into page images is slow
        page = context.newPage();
    }

    @AfterEach
    void closeSession() {
        context.close();
    }

    @Test
    void assignedStaffPreviewUploadAndApproveTheLetterAndTheLawyerFilesIt() throws Exception {
        LetterWorkspaceFixture f = LetterWorkspaceFixture.create(ladder);

        logIn(f.staff());
        openTheLetterFromTheCasePage(f);
        previewTheLetter(f, "letters-workspace-preview.png");
        uploadSomethingThatIsNoDocx("Добавлена дата уведомления");
        uploadAnEditedVersion(f.docx(ladder), "Уведомление получено заявителем лично.", "Добавлена дата уведомления");
        approve("Проверено, можно подавать");
        seeTheReviewOnTheCasePage("Проверено, можно подавать");
        page.navigate(url(f.page() + "?lang=kk"));
        assertThat(page.locator("#letter-status")).hasText("бекітілді");
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("letters-workspace-kk.png")).setFullPage(true));
        logOut();

        logIn(f.lawyer());
        page.navigate(url(f.page() + "?lang=ru"));
        recordTheFiling("COURT_OFFICE");
        assertThat(page.locator("#letter-status")).hasText("подано");
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("letters-workspace-filed.png")).setFullPage(true));
    }

    private void logIn(String username) {
        page.navigate(url("/login"));
        page.locator("#username").fill(username);
        page.locator("#password").fill(TestUsers.PASSWORD);
        page.locator("form button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*/(board|my/deadlines)$"));
    }

    private void logOut() {
        page.locator("form.logout button").click();
        page.waitForURL(Pattern.compile(".*/login.*"));
    }

    /** From the case page's list of letters, by the letter's own link (keyboard: focus it and press Enter). */
    private void openTheLetterFromTheCasePage(LetterWorkspaceFixture f) {
        page.navigate(url("/cases/" + f.complaint()));
        Locator link = page.locator("li[data-kind=" + LetterWorkspaceFixture.KIND + "] a.workspace");
        link.focus();
        link.press("Enter");
        page.waitForURL(Pattern.compile(".*/letters/" + f.letter() + "/review$"));
        assertThat(page.locator("h1")).hasText("Жалоба следственному судье");
        assertThat(page.locator("#letter-status")).hasText("черновик");
    }

    /** Every page image has loaded (a real PNG, wider than it is empty) and says what it shows; one is kept as a screenshot. */
    private void previewTheLetter(LetterWorkspaceFixture f, String screenshotName) throws Exception {
        Locator images = page.locator("#preview ol.pages img");
        assertThat(images.first()).isVisible();
        assertThat(images.first()).hasAttribute("alt", Pattern.compile("Страница 1 из \\d+: Жалоба следственному судье, версия 1"));
        page.waitForFunction("() => [...document.querySelectorAll('#preview img')].every(i => i.complete && i.naturalWidth > 800)");
        images.first().screenshot(new Locator.ScreenshotOptions().setPath(screenshot(screenshotName)));
        assertThat(Files.size(screenshot(screenshotName))).isGreaterThan(10_000);
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("letters-workspace-page.png")).setFullPage(true));
        assertThat(page.locator("#download-pdf")).hasAttribute("href", Pattern.compile(".*/letters/" + f.letter() + "/pdf$"));
    }

    /** Refused with the reason next to the file field, the comment still typed, and nothing new in the versions. */
    private void uploadSomethingThatIsNoDocx(String comment) {
        page.locator("#upload-file").setInputFiles(new FilePayload("letter.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "просто текст, не документ".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        page.locator("#upload-note").fill(comment);
        page.locator("#upload").click();
        assertThat(page.locator("#upload-file-error")).hasText("Это не документ DOCX: файл не открывается как документ Word.");
        assertThat(page.locator("#upload-file")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#upload-file")).hasAttribute("aria-describedby", "upload-file-error upload-hint");
        assertThat(page.locator("#upload-note")).hasValue(comment);
        assertThat(page.locator("#versions tbody tr")).hasCount(1);
        page.locator("#edit").screenshot(new Locator.ScreenshotOptions().setPath(screenshot("letters-workspace-refused.png")));
    }

    private void uploadAnEditedVersion(byte[] original, String addedParagraph, String comment) {
        page.locator("#upload-file").setInputFiles(new FilePayload("edited.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                LetterWorkspaceFixture.withParagraph(original, addedParagraph)));
        page.locator("#upload-note").fill(comment);
        page.locator("#upload").click();
        page.waitForURL(Pattern.compile(".*/review#versions$"));
        assertThat(page.locator("tr[data-version='2'][data-source=UPLOADED]")).containsText("загружено");
        Locator diff = page.locator("details.diff[data-version='2']");
        assertThat(diff).hasAttribute("open", "open");
        assertThat(diff.locator("li.diff-inserted ins")).containsText(addedParagraph);
        diff.screenshot(new Locator.ScreenshotOptions().setPath(screenshot("letters-workspace-diff.png")));
    }

    private void approve(String comment) {
        page.locator("#review-note").fill(comment);
        page.locator("#approve").click();
        page.waitForURL(Pattern.compile(".*/review#review$"));
        assertThat(page.locator("#letter-status")).hasText("утверждено");
        assertThat(page.locator("ol.reviews li[data-decision=APPROVED]").first()).containsText(comment);
    }

    /** Back on the case page by the page's own link: the review with its comment in the timeline. */
    private void seeTheReviewOnTheCasePage(String comment) {
        page.locator("#back-to-case").click();
        page.waitForURL(Pattern.compile(".*/cases/[0-9a-f-]{36}#letters$"));
        Locator review = page.locator("#history li[data-type=LETTER_APPROVED]");
        assertThat(review).hasCount(1);
        assertThat(review).containsText("Письмо утверждено");
        assertThat(review).containsText("Жалоба следственному судье");
        assertThat(review).containsText(comment);
        page.locator("#letters").screenshot(new Locator.ScreenshotOptions().setPath(screenshot("letters-workspace-case-letters.png")));
        page.locator("#history").screenshot(new Locator.ScreenshotOptions().setPath(screenshot("letters-workspace-case-timeline.png")));
        page.goBack();
    }

    private void recordTheFiling(String channel) {
        page.locator("#filing-date").fill(java.time.LocalDate.ofInstant(ladder.now(), Formats.ALMATY).toString());
        page.locator("#filing-channel").selectOption(channel);
        page.locator("#file").click();
        page.waitForURL(Pattern.compile(".*/review#filing$"));
        assertThat(page.locator("#filed-note")).isVisible();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static Path screenshot(String name) {
        try {
            Files.createDirectories(BrowserTest.SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return BrowserTest.SCREENSHOTS.resolve(name);
    }
}
