package kz.shagym.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.UUID;
import kz.shagym.LadderHarness;
import kz.shagym.ShagymIntegrationTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Who may open which page. MockMvc is built on the shared application context (not @AutoConfigureMockMvc, which would
 * start a second context and so a second engine in this JVM).
 */
class PageAccessTest extends ShagymIntegrationTest {

    private static final String PASSWORD = "lawyer-password-1";

    @Autowired
    private WebApplicationContext context;
    @Autowired
    private org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private MockMvc mvc;

    @BeforeEach
    void mockMvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void aLawyerCannotOpenAnotherLawyersCasePage() throws Exception {
        String owner = createUser("LAWYER");
        String other = createUser("LAWYER");
        UUID id = registerAs(owner);

        mvc.perform(get("/cases/" + id).with(user(other).roles("LAWYER")))
                .andExpect(status().isForbidden())
                .andExpect(content().string(Matchers.containsString("Доступ запрещён")));
        mvc.perform(get("/cases/" + id + "/letters/" + UUID.randomUUID()).with(user(other).roles("LAWYER")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/cases/" + id).with(user(owner).roles("LAWYER")))
                .andExpect(status().isOk());
    }

    @Test
    void aCoordinatorSeesTheBoardWithEveryCaseButCannotRegister() throws Exception {
        String lawyer = createUser("LAWYER");
        UUID id = registerAs(lawyer);
        String caseNumber = ledger.find(id).orElseThrow().caseNumber();

        mvc.perform(get("/board").with(user("coordinator").roles("COORDINATOR")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Доска дел")))
                .andExpect(content().string(Matchers.containsString(caseNumber)));
        mvc.perform(get("/cases/new").with(user("coordinator").roles("COORDINATOR")))
                .andExpect(status().isForbidden());
    }

    @Test
    void aLawyersBoardShowsOnlyTheirOwnCases() throws Exception {
        String mine = createUser("LAWYER");
        String theirs = createUser("LAWYER");
        String myCase = ledger.find(registerAs(mine)).orElseThrow().caseNumber();
        String theirCase = ledger.find(registerAs(theirs)).orElseThrow().caseNumber();

        String board = mvc.perform(get("/board").with(user(mine).roles("LAWYER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(board).contains(myCase).doesNotContain(theirCase);
    }

    @Test
    void pagesNeedALoginAndTheLoginFormNeedsItsCsrfToken() throws Exception {
        mvc.perform(get("/board")).andExpect(status().isFound()).andExpect(redirectedUrlPattern("**/login"));
        mvc.perform(post("/login").param("username", LadderHarness.ADMIN).param("password", LadderHarness.ADMIN_PASSWORD))
                .andExpect(status().isForbidden());
        mvc.perform(formLogin("/login").user(LadderHarness.ADMIN).password(LadderHarness.ADMIN_PASSWORD))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/login"))
                .andExpect(header().string("Content-Security-Policy", Matchers.containsString("script-src 'self'")))
                .andExpect(header().string("X-Frame-Options", "DENY"));
    }

    @Test
    void theIntakeFormShowsValidationMessagesNextToTheFields() throws Exception {
        String page = mvc.perform(post("/cases/new").with(csrf()).with(user("staff").roles("STAFF"))
                        .param("victimName", " ").param("region", "Алматы").param("allegation", "TORTURE")
                        .param("filedDate", "not-a-date").param("filedTime", "10:00").param("language", "ru"))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"victimName-error\"").contains("Заполните это поле.")
                .contains("id=\"filedDate-error\"").contains("Неверный формат.")
                .contains("id=\"filedWith-error\"");
    }

    @Test
    void aFutureFilingIsRefusedNextToTheDateField() throws Exception {
        String tomorrow = ladder.now().plus(Duration.ofDays(2)).atZone(Formats.ALMATY).toLocalDate().toString();
        String page = mvc.perform(post("/cases/new").with(csrf()).with(user("staff").roles("STAFF"))
                        .param("victimName", "Тест Тестов").param("region", "Алматы").param("allegation", "TORTURE")
                        .param("filedWith", "POLICE").param("filedDate", tomorrow).param("filedTime", "10:00")
                        .param("language", "ru"))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"filedDate-error\"");
    }

    @Test
    void theIntakeFormRecordsMedicalFactsThatTheCasePageShowsOnlyToTheLawyerAndAuditsAsRead() throws Exception {
        String lawyer = createUser("LAWYER");
        String yesterday = ladder.now().minus(Duration.ofDays(1)).atZone(Formats.ALMATY).toLocalDate().toString();
        String location = mvc.perform(post("/cases/new").with(csrf()).with(user(lawyer).roles("LAWYER"))
                        .param("victimName", "Тест Медицинский").param("region", "Алматы").param("allegation", "TORTURE")
                        .param("filedWith", "POLICE").param("filedDate", yesterday).param("filedTime", "10:00")
                        .param("language", "ru").param("injuries", "Ожог предплечья сигаретой")
                        .param("examinationDate", yesterday).param("examinationPlace", "БСМП г. Алматы")
                        .param("forensicExamination", "REQUESTED").param("doctorFindings", "Термический ожог II степени"))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        String id = location.substring("/cases/".length());

        String page = mvc.perform(get(location).with(user(lawyer).roles("LAWYER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Медицинские сведения", "Ожог предплечья сигаретой", "БСМП г. Алматы",
                "ходатайство заявлено", "Термический ожог II степени");
        String overseen = mvc.perform(get(location).with(user("coordinator").roles("COORDINATOR")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(overseen).doesNotContain("Медицинские сведения", "Ожог", "БСМП", "Тест Медицинский");
        assertThat(jdbc.sql("select detail from audit_log where actor = :a and action = 'CASE_READ' and target = :t")
                .param("a", lawyer).param("t", "complaint " + id).query(String.class).list())
                .singleElement().asString().contains("GET /cases/" + id, "medical facts");
    }

    @Test
    void aFutureExaminationOrATooLongDescriptionIsRefusedNextToItsField() throws Exception {
        String lawyer = createUser("LAWYER");
        String today = ladder.now().atZone(Formats.ALMATY).toLocalDate().toString();
        String tomorrow = ladder.now().plus(Duration.ofDays(2)).atZone(Formats.ALMATY).toLocalDate().toString();
        String page = mvc.perform(post("/cases/new").with(csrf()).with(user(lawyer).roles("LAWYER"))
                        .param("victimName", "Тест Тестов").param("region", "Алматы").param("allegation", "TORTURE")
                        .param("filedWith", "POLICE").param("filedDate", today).param("filedTime", "00:01")
                        .param("language", "ru").param("examinationDate", tomorrow)
                        .param("injuries", "Ж".repeat(kz.shagym.complaint.MedicalFacts.MAX_TEXT + 1)))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).containsPattern("id=\"examinationDate\"[^>]*aria-invalid=\"true\"")
                .contains("id=\"examinationDate-error\"", "id=\"injuries-error\"", "Слишком длинное значение.");
    }

    @Test
    void aDecisionWithoutItsAuthorityIsRefusedNextToThatField() throws Exception {
        String lawyer = createUser("LAWYER");
        UUID id = registerAs(lawyer);
        String decided = ladder.now().minus(Duration.ofHours(1)).atZone(Formats.ALMATY).toLocalDateTime()
                .truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString();

        String page = mvc.perform(post("/cases/" + id + "/events").with(csrf()).with(user(lawyer).roles("LAWYER"))
                        .param("type", "REFUSED_TO_REGISTER").param("decidedAt", decided))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).containsPattern("id=\"ev-authority\"[^>]*aria-invalid=\"true\"")
                .contains("Выберите орган, принявший решение.");
        mvc.perform(post("/cases/" + id + "/events").with(csrf()).with(user("coordinator").roles("COORDINATOR"))
                        .param("type", "REGISTERED").param("decidedAt", decided))
                .andExpect(status().isForbidden());
    }

    private String createUser(String role) {
        String username = role.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> created = ladder.rest().postForEntity("/api/users", new HttpEntity<>("""
                {"username": "%s", "password": "%s", "role": "%s", "fullName": "Test %s", "email": "%s@example.org", "language": "ru"}"""
                .formatted(username, PASSWORD, role, username, username), headers), String.class);
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        return username;
    }

    private UUID registerAs(String lawyer) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> response = restTemplate.withBasicAuth(lawyer, PASSWORD).postForEntity("/api/complaints",
                new HttpEntity<>(LadderHarness.complaintJson("POLICE", ladder.ago(Duration.ofHours(3))), headers), String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        return UUID.fromString(ladder.read(response.getBody()).get("id").asText());
    }

    @Test
    void myDeadlinesHandsOutASecretCalendarLinkThatServesTheFeedUntilRevoked() throws Exception {
        String lawyer = kz.shagym.security.TestUsers.create(ladder, "LAWYER");
        var flash = mvc.perform(post("/my/calendar")
                        .with(user(lawyer).roles("LAWYER"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn().getFlashMap();
        String url = (String) flash.get("calendarUrl");
        assertThat(url).contains("/ics/").endsWith(".ics");
        String path = url.substring(url.indexOf("/ics/"));
        var feed = restTemplate.getForEntity(path, String.class);
        assertThat(feed.getStatusCode().value()).isEqualTo(200);
        assertThat(feed.getBody()).startsWith("BEGIN:VCALENDAR");

        mvc.perform(post("/my/calendar/revoke")
                        .with(user(lawyer).roles("LAWYER"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(restTemplate.getForEntity(path, String.class).getStatusCode().value()).isEqualTo(404);
    }
}
