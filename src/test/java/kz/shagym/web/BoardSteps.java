package kz.shagym.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import kz.shagym.report.BoardQueries.Flag;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * What a coordinator and a lawyer do on the board and on "my deadlines", one browser step each, so that a journey test
 * can string them together: sign in, see a missed term flagged, filter, search, download the XLSX, acknowledge. Each
 * step checks what the person would see before the next one starts.
 */
final class BoardSteps {

    private final Page page;
    private final String root;

    /** {@code root}: the application's base URL (http://127.0.0.1:port). */
    BoardSteps(Page page, String root) {
        this.page = page;
        this.root = root;
    }

    void logIn(String username, String password) {
        page.navigate(root + "/login");
        page.locator("#username").fill(username);
        page.locator("#password").fill(password);
        page.locator("form button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*/(board|my/deadlines)$"));
    }

    /** The board in a language (ru, kk, en), kept by the page's cookie for the next steps. */
    void openBoard(String language) {
        page.navigate(root + "/board?lang=" + language);
        assertThat(page.locator("html")).hasAttribute("lang", language);
    }

    /** The case's row, flagged as a missed term, its days negative. */
    Locator seeMissedFlagged(String caseNumber) {
        Locator row = page.locator("tr[data-case='" + caseNumber + "']");
        assertThat(row.locator(".flag-missed")).isVisible();
        assertThat(row.locator("td.days")).hasText(Pattern.compile("-\\d+"));
        return row;
    }

    /** Narrows the board to a lawyer's cases and the flags given, through the filter form (keyboard-reachable controls). */
    void filter(String lawyer, Flag... flags) {
        page.locator("#f-lawyer").selectOption(lawyer);
        for (Flag flag : Flag.values()) {
            page.locator("#f-flag-" + flag.name()).setChecked(List.of(flags).contains(flag));
        }
        page.locator("form.filters button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*/board\\?.*lawyer=.*"));
        for (Flag flag : flags) {
            assertThat(page.locator("#f-flag-" + flag.name())).isChecked();
        }
    }

    /** Finds cases by (part of) their number with the search form; returns the numbers listed. */
    List<String> searchByNumber(String number) {
        page.locator("#f-q").fill(number);
        page.locator("#f-q").press("Enter");
        page.waitForURL(Pattern.compile(".*/board\\?.*q=.*"));
        assertThat(page.locator("#f-q")).hasValue(number);
        return listed();
    }

    /** Finds cases by the victim's full name (lawyers and administrators only); returns the numbers listed. */
    List<String> searchByName(String name) {
        page.locator("#f-name").fill(name);
        page.locator("form.search button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*/board\\?.*victimName=.*"));
        return listed();
    }

    List<String> listed() {
        List<String> numbers = new ArrayList<>();
        for (Locator row : page.locator("table.board tbody tr").all()) {
            numbers.add(row.getAttribute("data-case"));
        }
        return numbers;
    }

    /** Downloads the board's XLSX with its current filters and returns the header row of its first sheet. */
    List<String> downloadXlsx() throws Exception {
        Download download = page.waitForDownload(() -> page.locator("#board-xlsx").click());
        assertThat(download.suggestedFilename()).isEqualTo("shagym-stages.xlsx");
        Path file = download.path();
        List<String> header = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(file))) {
            workbook.getSheetAt(0).getRow(0).forEach(cell -> header.add(cell.getStringCellValue()));
        }
        return header;
    }

    void openMyDeadlines(String language) {
        page.navigate(root + "/my/deadlines?lang=" + language);
        assertThat(page.locator("html")).hasAttribute("lang", language);
    }

    /** The lawyer says she saw the missed term; the row then names who acknowledged it, and when. */
    Locator acknowledge(String deadlineId) {
        Locator row = page.locator("tr[data-deadline='" + deadlineId + "']");
        assertThat(row.locator(".flag-missed")).isVisible();
        row.locator(".ack-form button").focus();
        page.keyboard().press("Enter"); // keyboard only
        page.waitForURL(Pattern.compile(".*/my/deadlines#d-" + deadlineId + "$"));
        assertThat(page.locator("p.notice[role=status]")).isVisible();
        assertThat(row.locator(".ack")).isVisible();
        assertThat(row.locator(".ack-form")).hasCount(0);
        return row;
    }

    /** The case page's deadline row of a rule, which shows the acknowledgement too. */
    Locator openCaseDeadline(java.util.UUID caseId, String rule, String language) {
        page.navigate(root + "/cases/" + caseId + "?lang=" + language);
        Locator row = page.locator("#deadlines tr[data-rule='" + rule + "']");
        assertThat(row).isVisible();
        return row;
    }

    void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserTest.SCREENSHOTS.resolve("board-deadlines-" + name + ".png"))
                .setFullPage(true));
    }
}
