package kz.shagym.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Pattern;
import kz.shagym.attachment.TestFiles;
import org.junit.jupiter.api.Test;

/**
 * Attachments in a real browser (Chromium): the lawyer uploads a decision on the case page — a PNG named .pdf is
 * refused in Russian next to the file with the title, kind and date kept — sees its SHA-256, downloads it as sent, and
 * ticks it on the letter page as an annex. Screenshots: target/screenshots/attachments-*.png.
 */
class AttachmentsBrowserTest extends OnePageBrowserTest {




    @Test
    void theLawyerUploadsADecisionSeesItsHashAndListsItAsAnAnnexOfTheLetter() throws Exception {
        LetterWorkspaceFixture f = LetterWorkspaceFixture.create(ladder);
        logIn(f.lawyer());

        page.navigate(url("/cases/" + f.complaint() + "?lang=ru"));
        assertThat(page.locator("#attachments-none")).hasText("Файлов пока нет.");
        refusedAfter("decision.pdf", TestFiles.png());
        assertThat(page.locator("#attachment-file-error"))
                .hasText("Содержимое файла — PNG, а имя «decision.pdf» говорит о другом типе: переименуйте файл с верным расширением.");
        assertThat(page.locator("#attachment-title")).hasValue("Постановление об отказе в регистрации");
        assertThat(page.locator("#attachment-kind")).hasValue("DECISION");
        assertThat(page.locator("#attachment-date")).hasValue("12.03.2026");
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("attachments-refused.png")).setFullPage(true));

        byte[] pdf = TestFiles.pdf("decision of 12 March");
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
        fill("otkaz.pdf", pdf);
        assertThat(page.locator("#attachment-uploaded")).hasText("Файл загружен.");
        var row = page.locator("#attachments-table tbody tr");
        assertThat(row).hasCount(1);
        assertThat(row.locator("td").nth(0)).hasText("Постановление об отказе в регистрации");
        assertThat(row.locator("td").nth(1)).hasText("Постановление, решение");
        assertThat(row.locator("td").nth(2)).hasText("12.03.2026");
        assertThat(row.locator("code.sha256")).hasText(sha256);
        assertThat(page.locator("#attachment-title")).hasValue("");
        page.locator("#attachments").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                .setPath(screenshot("attachments-case.png")));
        Download download = page.waitForDownload(() -> row.locator("a.download").click());
        assertThat(Files.readAllBytes(download.path())).isEqualTo(pdf);

        page.navigate(url(f.page() + "?lang=ru"));
        String version = page.locator("#letter-version").textContent().strip();
        var box = page.locator("#annexes input[type=checkbox]");
        assertThat(box).hasCount(1);
        assertThat(box).not().isChecked();
        box.check();
        page.locator("#annexes-save").click();
        assertThat(page.locator("#annexes-saved")).hasText("Приложения сохранены, письмо создано заново.");
        assertThat(page.locator("#annexes input[type=checkbox]")).isChecked();
        assertThat(page.locator("#letter-version")).not().hasText(version);
        page.locator("#annexes").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                .setPath(screenshot("attachments-letter.png")));

        page.navigate(url(f.page() + "?lang=kk"));
        assertThat(page.locator("#annexes-h")).hasText("Хатқа қосымшалар");

        page.navigate(url("/cases/" + f.complaint() + "?lang=kk"));
        refusedAfter("photo.jpg", TestFiles.png());
        assertThat(page.locator("#attachment-file-error"))
                .hasText("Файлдың мазмұны — PNG, ал «photo.jpg» атауы басқа түрді көрсетеді: файлды дұрыс кеңейтіммен қайта атаңыз.");
        assertThat(page.locator("#attachments-table tbody tr")).hasCount(1);
        page.navigate(url("/cases/" + f.complaint() + "?lang=en"));
        refusedAfter("notes.pdf", "plain words".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(page.locator("#attachment-file-error"))
                .hasText("Only PDF, JPEG, PNG and DOCX are accepted: this file's content is none of them.");
    }



    private void fill(String fileName, byte[] content) {
        fill(fileName, content, ".*/cases/.*#attachments$");
    }

    private void refusedAfter(String fileName, byte[] content) {
        fill(fileName, content, ".*/cases/[^/]+/attachments$");
    }

    private void fill(String fileName, byte[] content, String after) {
        page.locator("#attachment-file").setInputFiles(new FilePayload(fileName, "application/octet-stream", content));
        page.locator("#attachment-title").fill("Постановление об отказе в регистрации");
        page.locator("#attachment-kind").selectOption("DECISION");
        page.locator("#attachment-date").fill("12.03.2026");
        page.locator("#attachment-upload").click();
        page.waitForURL(Pattern.compile(after));
    }
}
