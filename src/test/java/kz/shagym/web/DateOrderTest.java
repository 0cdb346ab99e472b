package kz.shagym.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.shagym.LadderHarness;
import kz.shagym.ShagymIntegrationTest;
import kz.shagym.deadline.DeadlineCalculator;
import kz.shagym.security.PageSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

/**
 * Dates that contradict each other are refused where they are entered, in one place (the ladder), with a sentence in the
 * reader's language that names the field and writes the other date as the lawyer entered it (Almaty time): on the API
 * in the request's Accept-Language (English by default) with the field by its API name, on the pages in the page's
 * language next to the field, with what was typed still in the form. Nothing is written.
 */
class DateOrderTest extends ShagymIntegrationTest {

    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final List<String> LANGUAGES = List.of("ru", "kk", "en");

    private PageSession browser;

    @BeforeEach
    void signIn() {
        browser = new PageSession(restTemplate.getRootUri());
        assertThat(browser.login(LadderHarness.ADMIN, LadderHarness.ADMIN_PASSWORD).statusCode()).isEqualTo(302);
    }

    // ---------------------------------------------------------------------------------------------------- intake

    @Test
    void anIncidentAfterTheReportWasFiledIsRefused() {
        Instant filed = ladder.now().minus(Duration.ofDays(10)).truncatedTo(ChronoUnit.MINUTES);
        String incident = day(filed.plus(Duration.ofDays(2)));
        Map<String, String> expected = Map.of(
                "ru", "Дата происшествия: происшествие не может быть позже подачи сообщения о преступлении (" + dayTime(filed) + ").",
                "kk", "Оқиға күні: оқиға қылмыс туралы хабарлама берілген күннен (" + dayTime(filed) + ") кейін болуы мүмкін емес.",
                "en", "Incident date: the incident cannot come after the crime report was filed (" + dayTime(filed) + ").");
        String body = complaint("1980-02-03", incident, LadderHarness.asEntered(filed));
        assertApiRefuses("/api/complaints", body, "incidentDate", "INCIDENT_AFTER_FILING", expected);
        assertIntakeRefuses("1980-02-03", incident, filed, "incidentDate", expected);
    }

    @Test
    void aBirthDateOnOrAfterTheIncidentIsRefused() {
        Instant filed = ladder.now().minus(Duration.ofDays(10)).truncatedTo(ChronoUnit.MINUTES);
        String incident = day(filed.minus(Duration.ofDays(3)));
        String born = day(filed.minus(Duration.ofDays(2)));
        String incidentShown = DAY.format(java.time.LocalDate.parse(incident));
        Map<String, String> expected = Map.of(
                "ru", "Дата рождения: дата рождения должна быть раньше даты происшествия (" + incidentShown + ").",
                "kk", "Туған күні: туған күні оқиға күнінен (" + incidentShown + ") бұрын болуы керек.",
                "en", "Birth date: the birth date must come before the incident (" + incidentShown + ").");
        assertApiRefuses("/api/complaints", complaint(born, incident, LadderHarness.asEntered(filed)), "victim.birthDate",
                "BIRTH_NOT_BEFORE_INCIDENT", expected);
        assertIntakeRefuses(born, incident, filed, "birthDate", expected);
    }

    /** The form's own checks (a field left empty, a date that is no date, a text too long) speak the page's language too. */
    @Test
    void theFormsOwnChecksSpeakThePagesLanguage() {
        Map<String, List<String>> expected = Map.of(
                "ru", List.of("Заполните это поле.", "Неверный формат. Введите дату: дд.мм.гггг.",
                        "Неверный формат. Введите время: чч:мм.", "Слишком длинное значение. Не больше 4000 символов."),
                "kk", List.of("Бұл өрісті толтырыңыз.", "Пішімі қате. Күнді енгізіңіз: кк.аа.жжжж.",
                        "Пішімі қате. Уақытты енгізіңіз: сс:мм.", "Мән тым ұзын. Ең көбі 4000 таңба."),
                "en", List.of("Please fill in this field.", "Wrong format. Enter a date: dd.mm.yyyy.",
                        "Wrong format. Enter a time: hh:mm.", "The value is too long: at most 4000 characters."));
        for (String language : LANGUAGES) {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("victimName", " ");
            form.put("birthDate", "1980-13-45");
            form.put("region", "ALMATY");
            form.put("allegation", "TORTURE");
            form.put("filedWith", "POLICE");
            form.put("filedDate", "2026-01-10");
            form.put("filedTime", "25:99");
            form.put("language", "ru");
            form.put("injuries", "щ".repeat(4001));
            HttpResponse<String> page = browser.submit("/cases/new?lang=" + language, "/cases/new", form);
            assertThat(page.statusCode()).isEqualTo(400);
            String html = text(page);
            List<String> messages = expected.get(language);
            assertThat(between(html, "id=\"victimName-error\"")).as(language).contains(messages.get(0));
            assertThat(between(html, "id=\"birthDate-error\"")).as(language).contains(messages.get(1));
            assertThat(between(html, "id=\"filedTime-error\"")).as(language).contains(messages.get(2));
            assertThat(between(html, "id=\"injuries-error\"")).as(language).contains(messages.get(3));
            assertThat(html).contains("value=\"1980-13-45\"", "value=\"25:99\"");
        }
    }

    private static String between(String html, String start) {
        int at = html.indexOf(start);
        assertThat(at).as(start).isNotNegative();
        return html.substring(at, html.indexOf("</p>", at));
    }

    // ------------------------------------------------------------------------------------- the authority's answer

    @Test
    void anAnswerDatedBeforeTheReportIsRefused() {
        Instant filed = minutesAgo(Duration.ofDays(20));
        UUID id = ladder.register(LadderHarness.asEntered(filed));
        Instant decided = filed.minus(Duration.ofDays(2));
        Map<String, String> expected = Map.of(
                "ru", "Дата решения: дата не может быть раньше подачи сообщения о преступлении (" + dayTime(filed) + ").",
                "kk", "Шешім күні: бұл күн қылмыс туралы хабарлама берілген күннен (" + dayTime(filed) + ") бұрын болуы мүмкін емес.",
                "en", "Decision date: the date cannot come before the crime report was filed (" + dayTime(filed) + ").");
        assertApiRefuses("/api/complaints/" + id + "/events", decision("INVESTIGATOR", decided, null, null), "decidedAt",
                "BEFORE_REPORT_FILED", expected);
        assertEventFormRefuses(id, "INVESTIGATOR", decided, null, null, "decidedAt", expected);
    }

    @Test
    void learningOfADecisionBeforeItWasMadeIsRefused() {
        Instant filed = minutesAgo(Duration.ofDays(20));
        UUID id = ladder.register(LadderHarness.asEntered(filed));
        Instant decided = filed.plus(Duration.ofDays(5));
        Instant learned = decided.minus(Duration.ofDays(1));
        Map<String, String> expected = Map.of(
                "ru", "Когда узнали: узнать о решении нельзя раньше, чем оно принято (" + dayTime(decided) + ").",
                "kk", "Білген күні: шешім қабылданғанға дейін (" + dayTime(decided) + ") ол туралы білу мүмкін емес.",
                "en", "Learned of it on: nobody can learn of a decision before it is made (" + dayTime(decided) + ").");
        assertApiRefuses("/api/complaints/" + id + "/events", decision("INVESTIGATOR", decided, learned, null), "learnedAt",
                "LEARNED_BEFORE_ACT", expected);
        assertEventFormRefuses(id, "INVESTIGATOR", decided, learned, null, "learnedAt", expected);
    }

    @Test
    void aCopyReceivedBeforeTheDecisionIsRefused() {
        Instant filed = minutesAgo(Duration.ofDays(20));
        UUID id = ladder.register(LadderHarness.asEntered(filed));
        Instant decided = filed.plus(Duration.ofDays(5));
        Instant copy = decided.minus(Duration.ofHours(3));
        Map<String, String> expected = Map.of(
                "ru", "Когда получена копия: копия не может быть получена раньше самого решения (" + dayTime(decided) + ").",
                "kk", "Көшірме алынған күні: көшірме шешімнің өзінен (" + dayTime(decided) + ") бұрын алынуы мүмкін емес.",
                "en", "Copy received on: a copy cannot arrive before the decision itself (" + dayTime(decided) + ").");
        assertApiRefuses("/api/complaints/" + id + "/events", decision("INVESTIGATOR", decided, decided, copy), "copyReceivedAt",
                "COPY_BEFORE_DECISION", expected);
        assertEventFormRefuses(id, "INVESTIGATOR", decided, decided, copy, "copyReceivedAt", expected);
    }

    // ------------------------------------------------------------------------------------------- the challenge

    @Test
    void aComplaintFiledBeforeTheDecisionItChallengesIsRefused() {
        Instant filed = minutesAgo(Duration.ofDays(30));
        UUID id = ladder.register(LadderHarness.asEntered(filed));
        Instant refused = filed.plus(Duration.ofDays(10));
        ladder.event(id, decision("INVESTIGATOR", refused, refused, refused));
        UUID letter = ladder.letter(id, "COMPLAINT_PROSECUTOR");
        Instant tooEarly = refused.minus(Duration.ofDays(3));
        Map<String, String> expected = Map.of(
                "ru", "Дата подачи: жалоба не может быть подана раньше обжалуемого решения (" + dayTime(refused) + ").",
                "kk", "Берілген күні: шағым шағымданатын шешімнен (" + dayTime(refused) + ") бұрын берілуі мүмкін емес.",
                "en", "Filing date: a complaint cannot be filed before the decision it challenges (" + dayTime(refused) + ").");
        assertApiRefuses("/api/complaints/" + id + "/events", """
                {"type": "FILED", "letterId": "%s", "filedAt": "%s", "channel": "IN_PERSON"}"""
                .formatted(letter, LadderHarness.asEntered(tooEarly)), "filedAt", "FILING_BEFORE_DECISION", expected);
        for (String language : LANGUAGES) {
            String typed = day(tooEarly);
            HttpResponse<String> page = browser.submit("/cases/" + id + "?lang=" + language, "/cases/" + id + "/filings",
                    Map.of("letterId", letter.toString(), "filedOn", typed, "channel", "IN_PERSON"));
            assertThat(page.statusCode()).isEqualTo(400);
            assertThat(text(page)).as(language).contains(expected.get(language));
            assertThat(page.body()).contains("value=\"" + typed + "\"");
        }
        assertThat(ladder.historyCount(id, "FILED")).isZero();
    }

    @Test
    void aDecisionBeforeTheComplaintItAnswersWasFiledIsRefused() {
        Instant filed = minutesAgo(Duration.ofDays(30));
        UUID id = ladder.register(LadderHarness.asEntered(filed));
        Instant refused = filed.plus(Duration.ofDays(2));
        ladder.event(id, decision("INVESTIGATOR", refused, refused, refused));
        Instant complained = refused.plus(Duration.ofDays(5));
        ladder.file(id, "COMPLAINT_PROSECUTOR", LadderHarness.asEntered(complained));
        Instant decided = complained.minus(Duration.ofDays(2));
        String filingDay = DAY.format(complained.atZone(DeadlineCalculator.ZONE));
        Map<String, String> expected = Map.of(
                "ru", "Дата решения: решение не может быть принято раньше подачи жалобы, на которую оно отвечает (" + filingDay + ").",
                "kk", "Шешім күні: шешім ол жауап беретін шағым берілгенге дейін (" + filingDay + ") қабылдануы мүмкін емес.",
                "en", "Decision date: a decision cannot come before the complaint it answers was filed (" + filingDay + ").");
        assertApiRefuses("/api/complaints/" + id + "/events", decision("PROSECUTOR", decided, null, null), "decidedAt",
                "DECISION_BEFORE_FILING", expected);
        assertEventFormRefuses(id, "PROSECUTOR", decided, null, null, "decidedAt", expected);
    }

    // ------------------------------------------------------------------------------------------------------ UN

    /** The UN's steps are recorded through the API only (the pages have no form for them). */
    @Test
    void theUnCommitteesStepsKeepTheirOrder() {
        UUID id = kz.shagym.escalation.UnLadderPathsTestSupport.exhausted(ladder, Duration.ofDays(40));
        Instant submitted = minutesAgo(Duration.ofDays(35));
        ladder.event(id, """
                {"type": "UN_SUBMITTED", "committee": "CAT", "occurredAt": "%s"}""".formatted(LadderHarness.asEntered(submitted)));
        String events = "/api/complaints/" + id + "/events";

        assertApiRefuses(events, un("UN_TRANSMITTED", submitted.minus(Duration.ofDays(1))), "occurredAt",
                "TRANSMITTAL_BEFORE_SUBMISSION", Map.of(
                        "ru", "Дата события: Комитет ООН не может передать сообщение государству раньше, чем оно подано (" + dayTime(submitted) + ").",
                        "kk", "Болған күні: БҰҰ комитеті хабарламаны ол берілгенге дейін (" + dayTime(submitted) + ") мемлекетке жібере алмайды.",
                        "en", "Date of the event: the UN Committee cannot transmit the communication to the State before it was submitted (" + dayTime(submitted) + ")."));

        Instant transmitted = submitted.plus(Duration.ofDays(10));
        ladder.event(id, un("UN_TRANSMITTED", transmitted));
        assertApiRefuses(events, un("STATE_REPLY", transmitted.minus(Duration.ofDays(2))), "occurredAt",
                "REPLY_BEFORE_TRANSMITTAL", Map.of(
                        "ru", "Дата события: ответ государства не может быть раньше передачи ему сообщения (" + dayTime(transmitted) + ").",
                        "kk", "Болған күні: мемлекеттің жауабы хабарлама оған жіберілгенге дейін (" + dayTime(transmitted) + ") болуы мүмкін емес.",
                        "en", "Date of the event: the State's reply cannot come before the communication was transmitted to it (" + dayTime(transmitted) + ")."));
        assertApiRefuses(events, un("VIEWS_ADOPTED", transmitted.minus(Duration.ofDays(2))), "occurredAt",
                "VIEWS_BEFORE_TRANSMITTAL", Map.of(
                        "ru", "Дата события: соображения Комитета не могут быть приняты раньше передачи сообщения государству (" + dayTime(transmitted) + ").",
                        "kk", "Болған күні: Комитеттің пікірі хабарлама мемлекетке жіберілгенге дейін (" + dayTime(transmitted) + ") қабылдануы мүмкін емес.",
                        "en", "Date of the event: the Committee's Views cannot come before the communication was transmitted to the State (" + dayTime(transmitted) + ")."));

        Instant views = transmitted.plus(Duration.ofDays(10));
        ladder.event(id, un("VIEWS_ADOPTED", views));
        assertApiRefuses(events, un("FOLLOW_UP_REPLY", views.minus(Duration.ofHours(5))), "occurredAt",
                "FOLLOW_UP_BEFORE_VIEWS", Map.of(
                        "ru", "Дата события: информация о последующих мерах не может быть раньше соображений Комитета (" + dayTime(views) + ").",
                        "kk", "Болған күні: кейінгі шаралар туралы ақпарат Комитет пікірінен (" + dayTime(views) + ") бұрын болуы мүмкін емес.",
                        "en", "Date of the event: follow-up information cannot come before the Committee's Views (" + dayTime(views) + ")."));
        assertThat(ladder.stage(id)).isEqualTo("UN_FOLLOW_UP");
    }

    @Test
    void aCorrectionThatPutsAnActBeforeTheReportIsRefused() {
        Instant filed = minutesAgo(Duration.ofDays(20));
        UUID id = ladder.register(LadderHarness.asEntered(filed));
        Instant decided = filed.plus(Duration.ofDays(2));
        JsonNode view = ladder.event(id, decision("INVESTIGATOR", decided, decided, decided));
        String eventId = null;
        for (JsonNode h : view.get("history")) {
            if ("DECISION".equals(h.path("type").asText())) {
                eventId = h.get("id").asText();
            }
        }
        assertThat(eventId).isNotNull();
        assertApiRefuses("/api/complaints/" + id + "/events/" + eventId + "/correction", """
                {"occurredAt": "%s", "reason": "typo"}""".formatted(LadderHarness.asEntered(filed.minus(Duration.ofDays(1)))),
                "occurredAt", "BEFORE_REPORT_FILED", Map.of(
                        "ru", "Дата события: дата не может быть раньше подачи сообщения о преступлении (" + dayTime(filed) + ").",
                        "kk", "Болған күні: бұл күн қылмыс туралы хабарлама берілген күннен (" + dayTime(filed) + ") бұрын болуы мүмкін емес.",
                        "en", "Date of the event: the date cannot come before the crime report was filed (" + dayTime(filed) + ")."));
    }

    // ------------------------------------------------------------------------------ acts that do not fit the stage

    /** Not a wrong date but the wrong moment: a 409 in the reader's language, naming what was tried and where the case is. */
    @Test
    void anActThatDoesNotFitTheStageIsExplainedInTheReadersLanguage() {
        UUID id = ladder.register(LadderHarness.asEntered(minutesAgo(Duration.ofDays(3))));
        String events = "/api/complaints/" + id + "/events";
        Map<String, String> views = Map.of(
                "ru", "«Соображения приняты» сейчас записать нельзя: дело на этапе «Сообщение подано в орган», а это записывается на этапе «Сообщение в комитет ООН».",
                "kk", "«Пікірлер қабылданды» қазір жазуға болмайды: іс «Хабарлама органға берілді» кезеңінде, ал бұл «БҰҰ комитетіне хабарлама» кезеңінде жазылады.",
                "en", "\"Views adopted\" cannot be recorded now: the case is at the stage \"Report filed with the authority\"; this is recorded at the stage \"Communication to a UN Committee\".");
        for (String language : LANGUAGES) {
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_JSON);
            headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
            ResponseEntity<String> response = ladder.rest().exchange(events, HttpMethod.POST, new HttpEntity<>(
                    un("VIEWS_ADOPTED", minutesAgo(Duration.ofDays(1))), headers), String.class);
            assertThat(response.getStatusCode().value()).isEqualTo(409);
            JsonNode problem = ladder.read(response.getBody());
            assertThat(problem.path("code").asText()).isEqualTo("NOT_AT_THIS_STAGE");
            assertThat(problem.path("stage").asText()).isEqualTo("FILED_WITH_AUTHORITY");
            assertThat(problem.path("fitsAt").asText()).isEqualTo("UN_COMMUNICATION");
            assertThat(problem.path("detail").asText()).as(language).isEqualTo(views.get(language));
        }
        // The page offers only the acts that fit (CaseAct): a stale page's act is refused at the chooser, asking for a reload.
        Map<String, String> appeal = Map.of(
                "ru", "Это действие не подходит к нынешнему этапу дела: обновите страницу.",
                "kk", "Бұл әрекет істің қазіргі кезеңіне сәйкес келмейді: бетті жаңартыңыз.",
                "en", "This does not fit where the case stands now: reload the page.");
        int recorded = eventCount();
        for (String language : LANGUAGES) {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("type", "APPEAL_DECISION");
            form.put("outcome", "REFUSED");
            form.put("decidedAt", local(minutesAgo(Duration.ofDays(1))));
            HttpResponse<String> page = browser.submit("/cases/" + id + "?lang=" + language, "/cases/" + id + "/events", form);
            assertThat(page.statusCode()).isEqualTo(400);
            assertThat(text(page)).as(language).contains("id=\"type-error\">" + appeal.get(language) + "</p>");
        }
        assertThat(eventCount()).isEqualTo(recorded);
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    /** Refused in each language asked for; without Accept-Language the detail is English, as before. */
    private void assertApiRefuses(String path, String body, String field, String code, Map<String, String> expected) {
        int events = eventCount();
        for (String language : LANGUAGES) {
            JsonNode problem = refused(path, body, language);
            assertThat(problem.path("field").asText()).isEqualTo(field);
            assertThat(problem.path("code").asText()).isEqualTo(code);
            assertThat(problem.path("detail").asText()).as(language).isEqualTo(expected.get(language));
        }
        assertThat(refused(path, body, null).path("detail").asText()).isEqualTo(expected.get("en"));
        assertThat(refused(path, body, "de-DE, kk;q=0.5").path("detail").asText()).isEqualTo(expected.get("kk"));
        assertThat(eventCount()).isEqualTo(events);
    }

    private JsonNode refused(String path, String body, String language) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (language != null) {
            headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        }
        ResponseEntity<String> response = ladder.rest().exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
        assertThat(String.valueOf(response.getHeaders().getContentType())).startsWith("application/problem+json");
        return ladder.read(response.getBody());
    }

    private void assertIntakeRefuses(String born, String incident, Instant filed, String formField, Map<String, String> expected) {
        int complaints = complaintCount();
        LocalDateTime filedLocal = LocalDateTime.ofInstant(filed, DeadlineCalculator.ZONE);
        for (String language : LANGUAGES) {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("victimName", "Сейткали Нурлан");
            form.put("birthDate", born);
            form.put("region", "ALMATY");
            form.put("allegation", "TORTURE");
            form.put("incidentDate", incident);
            form.put("filedWith", "POLICE");
            form.put("filedDate", filedLocal.toLocalDate().toString());
            form.put("filedTime", filedLocal.toLocalTime().toString());
            form.put("language", "ru");
            HttpResponse<String> page = browser.submit("/cases/new?lang=" + language, "/cases/new", form);
            assertThat(page.statusCode()).as(language).isEqualTo(400);
            assertThat(text(page)).as(language).contains(expected.get(language));
            assertThat(page.body()).containsPattern("id=\"" + formField + "\"[^>]*aria-invalid=\"true\"")
                    .contains("id=\"" + formField + "-error\"")
                    .contains("value=\"" + born + "\"", "value=\"" + incident + "\"", "value=\"Сейткали Нурлан\"");
        }
        assertThat(complaintCount()).isEqualTo(complaints);
    }

    private void assertEventFormRefuses(UUID id, String authority, Instant decided, Instant learned, Instant copy, String formField,
                                        Map<String, String> expected) {
        int events = eventCount();
        for (String language : LANGUAGES) {
            Map<String, String> form = new LinkedHashMap<>();
            // the act the case page offers at this step: the prosecutor's decision on a complaint, or a refusal to register
            boolean prosecutor = "PROSECUTOR".equals(authority);
            form.put("type", prosecutor ? "PROSECUTOR_DECISION" : "REFUSED_TO_REGISTER");
            form.put("authority", authority);
            form.put("outcome", "REFUSED");
            if (!prosecutor) {
                form.put("routes", "INVESTIGATIVE_JUDGE");
            }
            form.put("decidedAt", local(decided));
            form.put("learnedAt", learned == null ? "" : local(learned));
            form.put("copyReceivedAt", copy == null ? "" : local(copy));
            form.put("note", "записано на приёме");
            HttpResponse<String> page = browser.submit("/cases/" + id + "?lang=" + language, "/cases/" + id + "/events", form);
            assertThat(page.statusCode()).as(language).isEqualTo(400);
            assertThat(text(page)).as(language).contains(expected.get(language));
            assertThat(page.body()).containsPattern("name=\"" + formField + "\"[^>]*aria-invalid=\"true\"|aria-invalid=\"true\"[^>]*name=\"" + formField + "\"")
                    .contains("value=\"" + local(decided) + ":00\"", "записано на приёме");
        }
        assertThat(eventCount()).isEqualTo(events);
    }

    private static String complaint(String born, String incident, String filedAt) {
        return """
                {"victim": {"fullName": "Сейткали Нурлан", "birthDate": "%s"}, "region": "ALMATY", "allegation": "TORTURE",
                 "incidentDate": "%s", "filedWith": "POLICE", "filedAt": "%s", "language": "ru"}""".formatted(born, incident, filedAt);
    }

    private static String decision(String authority, Instant decided, Instant learned, Instant copy) {
        return """
                {"type": "DECISION", "authority": "%s", "outcome": "REFUSED", "decidedAt": "%s"%s%s}""".formatted(authority,
                LadderHarness.asEntered(decided),
                learned == null ? "" : ", \"learnedAt\": \"" + LadderHarness.asEntered(learned) + "\"",
                copy == null ? "" : ", \"copyReceivedAt\": \"" + LadderHarness.asEntered(copy) + "\"");
    }

    private static String un(String type, Instant at) {
        return """
                {"type": "%s", "occurredAt": "%s"}""".formatted(type, LadderHarness.asEntered(at));
    }

    private Instant minutesAgo(Duration before) {
        return ladder.now().minus(before).truncatedTo(ChronoUnit.MINUTES);
    }

    private static String dayTime(Instant instant) {
        return DAY_TIME.format(instant.atZone(DeadlineCalculator.ZONE));
    }

    private static String day(Instant instant) {
        return instant.atZone(DeadlineCalculator.ZONE).toLocalDate().toString();
    }

    private static String local(Instant instant) {
        return LocalDateTime.ofInstant(instant, DeadlineCalculator.ZONE).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    private static String text(HttpResponse<String> page) {
        return HtmlUtils.htmlUnescape(page.body());
    }

    /** What people recorded: the engine and the letter drafting keep writing their own lines meanwhile. */
    private int eventCount() {
        return count("complaint_event where source = 'USER'");
    }

    private int complaintCount() {
        return count("complaint");
    }

    private int count(String table) {
        return new org.springframework.jdbc.core.JdbcTemplate(dataSource).queryForObject("select count(*) from " + table, Integer.class);
    }

    @org.springframework.beans.factory.annotation.Autowired
    javax.sql.DataSource dataSource;
}
