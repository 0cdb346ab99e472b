package kz.shagym.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import java.io.ByteArrayInputStream;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

/**
 * A lawyer corrects whom a letter is addressed to and states why a term was missed, on the letter's page in a real
 * browser: the page offers the registry's addressee for the case's region, a refused form keeps what was typed, and the
 * saved statements make the next version of the letter. Screenshots: target/screenshots/letter-particulars-*.png.
 */
class LetterParticularsBrowserTest extends OnePageBrowserTest {




    @Test
    void theLawyerCorrectsTheAddresseeAndTheLetterIsDraftedAgainWithIt() throws Exception {
        LetterWorkspaceFixture f = LetterWorkspaceFixture.create(ladder);
        logIn(f.lawyer());
        page.navigate(url(f.page() + "?lang=ru"));

        Locator addressee = page.locator("#particulars-addressee");
        // the registry's court for the case's region, in the heading's case
        assertThat(addressee).hasValue("В специализированный межрайонный следственный суд города Алматы");
        // only an interim-measures request states a risk
        assertThat(page.locator("#particulars-risk")).hasCount(0);

        addressee.fill(String.join("\n", java.util.Collections.nCopies(9, "Строка")));
        page.locator("#particulars-missed").fill("Копия постановления не была вручена");
        page.locator("#particulars-save").click();
        assertThat(page.locator("#particulars-form .field-error")).hasText("Не более 8 строк по 300 знаков.");
        // a refused form keeps what was typed
        assertThat(page.locator("#particulars-missed")).hasValue("Копия постановления не была вручена");
        assertThat(page.locator("#versions tbody tr")).hasCount(1);

        addressee.fill("Следственному судье Алмалинского районного суда г. Алматы\nг. Алматы, ул. Толе би, 155");
        page.locator("#particulars-save").click();
        page.waitForURL(Pattern.compile(".*/review#versions$"));
        assertThat(page.locator("#versions tbody tr")).hasCount(2);
        assertThat(page.locator("#particulars-addressee"))
                .hasValue("Следственному судье Алмалинского районного суда г. Алматы\nг. Алматы, ул. Толе би, 155");
        assertThat(page.locator("#particulars-missed")).hasValue("Копия постановления не была вручена");
        page.locator("#edit").screenshot(new Locator.ScreenshotOptions().setPath(screenshot("letter-particulars-ru.png")));

        String letter = text(f.docx(ladder));
        assertThat(letter).contains("Следственному судье Алмалинского районного суда г. Алматы", "ул. Толе би, 155")
                .doesNotContain("В специализированный межрайонный следственный суд города Алматы");

        page.navigate(url(f.page() + "?lang=kk"));
        assertThat(page.locator("label[for=particulars-addressee]")).hasText("Адресат (тақырыптың әр жолы бөлек)");
        page.locator("#edit").screenshot(new Locator.ScreenshotOptions().setPath(screenshot("letter-particulars-kk.png")));
    }

    private static String text(byte[] docx) throws Exception {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
             XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            return extractor.getText();
        }
    }



}
