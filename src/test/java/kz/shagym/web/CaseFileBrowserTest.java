package kz.shagym.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Pattern;
import kz.shagym.LadderHarness;
import kz.shagym.security.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;

/**
 * The case file on the case page, in Chromium: the case's lawyer opens the form, fills the applicant (a relative), the
 * counsel's warrant, the incident and the authorities' numbers; a short ИИН is refused next to its field in Russian with
 * everything typed kept; corrected, it is saved, and after a reload the page shows it with dates as dd.MM.yyyy; in Kazakh
 * the labels are Kazakh. Screenshots target/screenshots/case-file-*.png.
 */
class CaseFileBrowserTest extends OnePageBrowserTest {



    @Test
    void theLawyerFillsTheCaseFileOnTheCasePageIsToldOfAShortIinAndSeesWhatWasSavedAfterAReload() {
        String lawyer = TestUsers.create(ladder, "LAWYER");
        UUID id = ladder.register(ladder.ago(Duration.ofDays(2))); // set-up: the case exists, handed to this lawyer
        ladder.rest().exchange("/api/complaints/" + id + "/lawyer", HttpMethod.PUT,
                new HttpEntity<>("{\"lawyer\": \"" + lawyer + "\"}", LadderHarness.jsonHeaders()), String.class);

        logIn(lawyer);
        page.navigate(url("/cases/" + id));
        assertThat(page.locator("#case-file-none")).hasText("Материалы дела не внесены.");
        page.locator("#case-file-edit > summary").click();
        page.locator("#case-file-applicant > summary").click();
        page.locator("#cf-applicantRole").selectOption("RELATIVE");
        page.locator("#cf-applicantFullName").fill("Серикова Айгуль Маратовна");
        page.locator("#cf-applicantGender").selectOption("FEMALE");
        page.locator("#cf-applicantRelationship").fill("мать");
        page.locator("#cf-applicantBirthDate").fill("1970-03-08");
        page.locator("#cf-applicantAddress").fill("г. Алматы, ул. Абая, 10, кв. 5");
        page.locator("#cf-applicantIin").fill("70030840011");
        page.locator("#case-file-counsel > summary").click();
        page.locator("#cf-counselFullName").fill("Ахметов Бауыржан Серикович");
        page.locator("#cf-counselWarrantNumber").fill("0077");
        String warrantDay = LocalDate.now(Formats.ALMATY).minusDays(1).toString();
        page.locator("#cf-counselWarrantDate").fill(warrantDay);
        page.locator("#case-file-incident > summary").click();
        page.locator("#cf-incidentPlace").fill("ОП Алмалинского района");
        page.locator("#cf-incidentWhatHappened").fill("Избили при задержании,\nтребовали признания");
        page.locator("#case-file-proceedings > summary").click();
        page.locator("#cf-proceedingsErdrNumber").fill("247500031000123");
        page.locator("#case-file-form button[type=submit]").click();

        assertThat(page.locator("#cf-applicantIin-error")).hasText("ИИН заявителя: ИИН состоит ровно из 12 цифр.");
        assertThat(page.locator("#cf-applicantIin")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#cf-applicantIin")).hasValue("70030840011");
        assertThat(page.locator("#cf-applicantFullName")).hasValue("Серикова Айгуль Маратовна");
        assertThat(page.locator("#cf-applicantGender")).hasValue("FEMALE");
        assertThat(page.locator("#cf-counselWarrantDate")).hasValue(warrantDay);
        assertThat(page.locator("#cf-incidentWhatHappened")).hasValue("Избили при задержании,\nтребовали признания");
        assertThat(page.locator("#cf-proceedingsErdrNumber")).hasValue("247500031000123");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("case-file-refused-ru.png")).setFullPage(true));

        page.locator("#cf-applicantIin").fill("700308400111");
        page.locator("#case-file-form button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*#case-file$"));
        page.reload();
        assertThat(page.locator("#case-file-none")).hasCount(0);
        assertThat(page.locator("#case-file dd[data-field='applicant.role']")).hasText("родственник");
        assertThat(page.locator("#case-file dd[data-field='applicant.fullName']")).hasText("Серикова Айгуль Маратовна");
        assertThat(page.locator("#case-file dd[data-field='applicant.gender']")).hasText("женский");
        assertThat(page.locator("#case-file dd[data-field='applicant.birthDate']")).hasText("08.03.1970");
        assertThat(page.locator("#case-file dd[data-field='applicant.iin']")).hasText("700308400111");
        assertThat(page.locator("#case-file dd[data-field='counsel.warrantDate']"))
                .hasText(Formats.date(LocalDate.parse(warrantDay)));
        assertThat(page.locator("#case-file dd[data-field='incident.whatHappened']")).hasText("Избили при задержании,\nтребовали признания");
        assertThat(page.locator("#case-file dd[data-field='proceedings.erdrNumber']")).hasText("247500031000123");
        assertThat(page.locator("#cf-applicantIin")).hasValue("700308400111");
        page.locator("#case-file-edit > summary").click();
        page.locator("#case-file-applicant > summary").click();
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("case-file-saved-ru.png")).setFullPage(true));

        page.navigate(url("/cases/" + id + "?lang=kk"));
        assertThat(page.locator("#case-file-h")).hasText("Іс материалдары");
        assertThat(page.locator("#case-file dt").first()).hasText("Кім береді");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("case-file-kk.png")).setFullPage(true));
    }

    @Test
    void theLawyerMayFillTheCaseFileAtIntakeAShortIinIsRefusedThereAndTheCasePageShowsWhatWasSaved() {
        String lawyer = TestUsers.create(ladder, "LAWYER");
        logIn(lawyer);
        LocalDate yesterday = LocalDate.now(Formats.ALMATY).minusDays(1);
        page.navigate(url("/cases/new?lang=ru"));
        page.locator("#victimName").fill("Нурланов Ерлан");
        page.locator("#region").selectOption("SHYMKENT");
        page.locator("#incidentDate").fill(yesterday.toString());
        page.locator("#filedWith").selectOption("POLICE");
        page.locator("#filedDate").fill(yesterday.toString());
        page.locator("#filedTime").fill("10:30");
        page.locator("#case-file-victim > summary").click();
        page.locator("#cf-victimIin").fill("12345");
        page.locator("#cf-victimAddress").fill("г. Шымкент, ул. Байтурсынова, 3");
        page.locator("#case-file-proceedings > summary").click();
        page.locator("#cf-proceedingsKuiNumber").fill("КУИ 555");
        page.locator("#intake-form button[type=submit]").click();

        assertThat(page.locator("#cf-victimIin-error")).hasText("ИИН потерпевшего: ИИН состоит ровно из 12 цифр.");
        assertThat(page.locator("#case-file-victim")).hasAttribute("open", "open");
        assertThat(page.locator("#case-file-counsel")).not().hasAttribute("open", "open");
        assertThat(page.locator("#cf-victimAddress")).hasValue("г. Шымкент, ул. Байтурсынова, 3");
        assertThat(page.locator("#cf-proceedingsKuiNumber")).hasValue("КУИ 555");
        assertThat(page.locator("#victimName")).hasValue("Нурланов Ерлан");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("case-file-intake-refused-ru.png")).setFullPage(true));

        page.locator("#cf-victimIin").fill("900101300123");
        page.locator("#intake-form button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*/cases/[0-9a-f-]{36}$"));
        assertThat(page.locator("#case-file dd[data-field='victim.iin']")).hasText("900101300123");
        assertThat(page.locator("#case-file dd[data-field='victim.address']")).hasText("г. Шымкент, ул. Байтурсынова, 3");
        assertThat(page.locator("#case-file dd[data-field='proceedings.kuiNumber']")).hasText("КУИ 555");
    }


}
