package kz.shagym.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import java.util.regex.Pattern;
import kz.shagym.report.BoardQueries.Flag;
import kz.shagym.security.TestUsers;
import kz.shagym.web.MissedTerms.MissedCase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A missed court term in a real browser (Debian's Chromium through Playwright, Russian, Almaty time): the coordinator
 * sees it flagged at the top of the board, filters and searches for it, downloads the board's XLSX; the case's lawyer
 * acknowledges it on "my deadlines". Screenshots in Russian and Kazakh go to target/screenshots/board-deadlines-*.png.
 */
class BoardBrowserTest extends BrowserTestSupport {

    @LocalServerPort
    private int port;

    @Test
    void aCoordinatorFindsTheMissedTermAndExportsItAndTheLawyerAcknowledgesIt() throws Exception {
        MissedTerms.Setup missed = MissedTerms.create(ladder, 1);
        MissedCase term = missed.cases().get(0);
        String coordinator = TestUsers.create(ladder, "COORDINATOR");

        try (BrowserContext context = newContext("ru-RU")) {
            BoardSteps steps = new BoardSteps(context.newPage(), root());
            steps.logIn(coordinator, TestUsers.PASSWORD);
            steps.openBoard("ru");
            steps.filter(missed.lawyer(), Flag.MISSED);
            Locator row = steps.seeMissedFlagged(term.caseNumber());
            assertThat(row.locator(".flag-missed")).hasText("срок пропущен");
            assertThat(steps.listed()).containsExactly(term.caseNumber());
            steps.screenshot("board-ru");

            String digits = term.caseNumber().substring(term.caseNumber().lastIndexOf('-') + 1);
            assertThat(steps.searchByNumber(digits)).contains(term.caseNumber());
            assertThat(steps.downloadXlsx()).startsWith("Номер дела", "Регион", "Стадия").contains("Жалобы поданы");

            steps.openBoard("kk");
            steps.filter(missed.lawyer(), Flag.MISSED, Flag.OVERDUE);
            assertThat(steps.seeMissedFlagged(term.caseNumber()).locator(".flag-missed")).hasText("мерзім өткізіліп алынды");
            assertThat(steps.downloadXlsx()).startsWith("Іс нөмірі", "Өңір", "Кезең");
            steps.screenshot("board-kk");
        }

        try (BrowserContext context = newContext("ru-RU")) {
            BoardSteps steps = new BoardSteps(context.newPage(), root());
            steps.logIn(missed.lawyer(), TestUsers.PASSWORD);
            steps.openMyDeadlines("ru");
            steps.screenshot("deadlines-ru");
            Locator row = steps.acknowledge(term.deadlineId().toString());
            assertThat(row.locator(".ack")).hasText(Pattern.compile(
                    "Принято к сведению: Test LAWYER, \\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2}"));
            assertThat(row.locator("a.motion")).hasText("Подготовлено ходатайство о восстановлении срока");
            steps.screenshot("deadlines-acknowledged-ru");
            steps.openMyDeadlines("kk");
            assertThat(row.locator(".ack")).hasText(Pattern.compile("Назарға алған: Test LAWYER, .*"));
            steps.screenshot("deadlines-acknowledged-kk");

            Locator onTheCase = steps.openCaseDeadline(term.id(), MissedTerms.JUDGE_TERM, "kk");
            assertThat(onTheCase.locator(".ack")).hasText(Pattern.compile("Назарға алған: Test LAWYER, .*"));
            onTheCase.scrollIntoViewIfNeeded();
            steps.screenshot("case-acknowledged-kk");

            steps.openBoard("ru");
            assertThat(steps.searchByName(term.victimName())).containsExactly(term.caseNumber());
            steps.screenshot("board-by-name-ru");
        }
    }

    private String root() {
        return "http://127.0.0.1:" + port;
    }
}
