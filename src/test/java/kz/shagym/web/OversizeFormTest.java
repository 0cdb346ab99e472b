package kz.shagym.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import kz.shagym.LadderHarness;
import kz.shagym.ShagymIntegrationTest;
import kz.shagym.deadline.DeadlineCalculator;
import kz.shagym.security.PageSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.HtmlUtils;

/**
 * A page form posted over the 1 MiB body limit (a document pasted into a field) comes back as the same form, refused
 * (400) in the page's language, the long field named with its maximum and everything else as typed; nothing is
 * written. The API keeps answering such a body with a 413 problem+json before reading it.
 */
class OversizeFormTest extends ShagymIntegrationTest {

    /** Ten megabytes of Cyrillic text as UTF-8, thirty once the form encodes it. */
    private static final String PASTE = "Я".repeat(5 * 1024 * 1024);

    @org.springframework.beans.factory.annotation.Autowired
    JdbcTemplate jdbc;

    private PageSession browser;

    @BeforeEach
    void signIn() {
        browser = new PageSession(restTemplate.getRootUri());
        assertThat(browser.login(LadderHarness.ADMIN, LadderHarness.ADMIN_PASSWORD).statusCode()).isEqualTo(302);
    }

    @Test
    void aTenMegabytePasteIntoTheIntakeComesBackAsTheFormWithTheFieldsMaximum() {
        Map<String, String> expected = Map.of("ru", "Слишком длинное значение. Не больше 5000 символов.",
                "kk", "Мән тым ұзын. Ең көбі 5000 таңба.", "en", "The value is too long: at most 5000 characters.");
        int complaints = count("complaint");
        for (String language : java.util.List.of("ru", "kk", "en")) {
            Map<String, String> form = intake();
            // ten megabytes once; the other languages get a fifth of it, which is still twice the body limit
            form.put("victimName", language.equals("ru") ? PASTE : PASTE.substring(0, PASTE.length() / 5));
            HttpResponse<String> page = browser.submit("/cases/new?lang=" + language, "/cases/new", form);
            assertThat(page.statusCode()).as(language).isEqualTo(400);
            String html = HtmlUtils.htmlUnescape(page.body());
            assertThat(html).as(language).contains("id=\"victimName-error\"").contains(expected.get(language))
                    .containsPattern("id=\"victimName\"[^>]*aria-invalid=\"true\"")
                    .contains("value=\"1984-06-07\"", "value=\"2026-01-05\"", "value=\"ANTI_CORRUPTION\" selected",
                            "Следы побоев на запястьях", "value=\"ZHAMBYL\" selected")
                    .contains("maxlength=\"5000\"");
            assertThat(page.body().length()).as("the paste is kept up to a length no field takes, not whole")
                    .isLessThan(PASTE.length());
        }
        assertThat(count("complaint")).isEqualTo(complaints);
    }

    @Test
    void aFormWhoseBulkIsInNoFieldIsRefusedAsAWholeWithTheFormKept() {
        int complaints = count("complaint");
        Map<String, String> form = intake();
        form.put("padding", "x".repeat(2 * 1024 * 1024));
        HttpResponse<String> page = browser.submit("/cases/new?lang=kk", "/cases/new", form);
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(HtmlUtils.htmlUnescape(page.body())).contains("Пішін тым үлкен (2 МБ) және сақталмады")
                .contains("value=\"Жақсыбеков Бауыржан\"", "Следы побоев на запястьях");
        assertThat(count("complaint")).isEqualTo(complaints);
    }

    @Test
    void aLongPasteIntoTheNoteOfTheCasePagesFormKeepsTheDatesTyped() {
        UUID id = ladder.register(ladder.ago(Duration.ofDays(5)));
        int events = count("complaint_event where source = 'USER'");
        String decided = LocalDateTime.ofInstant(ladder.now().minus(Duration.ofDays(2)), DeadlineCalculator.ZONE)
                .truncatedTo(ChronoUnit.MINUTES).toString();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("type", "REGISTERED");
        form.put("decidedAt", decided);
        form.put("note", "Протокол: " + "x".repeat(3 * 1024 * 1024));
        HttpResponse<String> page = browser.submit("/cases/" + id + "?lang=ru", "/cases/" + id + "/events", form);
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(HtmlUtils.htmlUnescape(page.body())).contains("Слишком длинное значение. Не больше 2000 символов.")
                .contains("value=\"" + decided + ":00\"");
        assertThat(count("complaint_event where source = 'USER'")).isEqualTo(events);
    }

    @Test
    void theApiStillRefusesAnOversizeBodyWith413ProblemJson() {
        String body = LadderHarness.complaintJson("POLICE", ladder.ago(Duration.ofDays(1)))
                .replace("Иванов Иван Иванович", "Я".repeat(600_000));
        ResponseEntity<String> response = ladder.rest().exchange("/api/complaints", HttpMethod.POST,
                new HttpEntity<>(body, LadderHarness.jsonHeaders()), String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(413);
        assertThat(String.valueOf(response.getHeaders().getContentType())).startsWith("application/problem+json");
    }

    private static Map<String, String> intake() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("victimName", "Жақсыбеков Бауыржан");
        form.put("birthDate", "1984-06-07");
        form.put("region", "ZHAMBYL");
        form.put("allegation", "TORTURE");
        form.put("incidentDate", "2026-01-05");
        form.put("filedWith", "ANTI_CORRUPTION");
        form.put("filedDate", "2026-01-06");
        form.put("filedTime", "10:00");
        form.put("language", "ru");
        form.put("injuries", "Следы побоев на запястьях");
        return form;
    }

    private int count(String from) {
        return jdbc.queryForObject("select count(*) from " + from, Integer.class);
    }
}
