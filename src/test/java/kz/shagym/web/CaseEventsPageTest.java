package kz.shagym.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.shagym.ShagymIntegrationTest;
import kz.shagym.security.PageSession;
import kz.shagym.security.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The case page's "what happened" form offers the acts that fit where the case stands, refuses what an act lacks at its
 * field (400, the form shown again), closes a case with its reason, and lets administrators and coordinators hand a
 * case to another lawyer (audited, on the history, the boards following).
 */
class CaseEventsPageTest extends ShagymIntegrationTest {

    private static final Pattern ACT_OPTION = Pattern.compile("<select id=\"ev-type\"[^>]*>(.*?)</select>", Pattern.DOTALL);

    @Autowired
    private JdbcClient jdbc;

    @Test
    void aNewReportOffersTheAuthoritysFirstAnswersAndClosingButNoCourtDecision() {
        String lawyer = TestUsers.create(ladder, "LAWYER");
        UUID id = registerAs(lawyer);
        String page = signedIn(lawyer).get("/cases/" + id).body();

        assertThat(actsOffered(page)).containsExactly("REGISTERED", "FORWARDED_TO_INTERNAL_SECURITY", "REFUSED_TO_REGISTER", "CLOSED");
        assertThat(page).contains("Будут подготовлены две жалобы: прокурору (ст. 105 УПК) и следственному судье (ст. 106 УПК).")
                .contains("Срок жалобы судье (15 суток) считается со дня, когда вы узнали о решении");
    }

    @Test
    void afterTheAppealCourtsRefusalOnlyTheUnSubmissionAndClosingAreOffered() {
        String lawyer = TestUsers.create(ladder, "LAWYER");
        UUID id = registerAs(lawyer);
        PageSession browser = signedIn(lawyer);
        String path = "/cases/" + id;
        assertThat(record(browser, id, Map.of("type", "FORWARDED_TO_INTERNAL_SECURITY", "decidedAt", local(Duration.ofHours(20)),
                "learnedAt", local(Duration.ofHours(19)), "copyReceivedAt", local(Duration.ofHours(19)),
                "routes", "INVESTIGATIVE_JUDGE")).statusCode()).isEqualTo(302);
        assertThat(actsOffered(browser.get(path).body())).containsExactly("CLOSED");
        ladder.file(id, "COMPLAINT_INVESTIGATIVE_JUDGE", ladder.ago(Duration.ofHours(18)));
        assertThat(actsOffered(browser.get(path).body())).containsExactly("JUDGE_DECISION", "CLOSED");

        assertThat(record(browser, id, Map.of("type", "JUDGE_DECISION", "outcome", "REFUSED", "decidedAt", local(Duration.ofHours(17)),
                "copyReceivedAt", local(Duration.ofHours(17)))).statusCode()).isEqualTo(302);
        ladder.file(id, "APPEAL", ladder.ago(Duration.ofHours(16)));
        assertThat(record(browser, id, Map.of("type", "APPEAL_DECISION", "outcome", "REFUSED", "decidedAt", local(Duration.ofHours(15))))
                .statusCode()).isEqualTo(302);
        assertThat(ladder.stage(id)).isEqualTo("DOMESTIC_REMEDIES_EXHAUSTED");
        assertThat(actsOffered(browser.get(path).body())).containsExactly("UN_SUBMITTED", "COPY_RECEIVED", "CLOSED");

        // the appeal court's copy arrives later: it is added to that decision
        JsonNode appealDecision = lastOfType(id, "DECISION");
        assertThat(record(browser, id, Map.of("type", "COPY_RECEIVED", "decisionEventId", appealDecision.get("id").asText(),
                "decidedAt", local(Duration.ofHours(14)))).statusCode()).isEqualTo(302);
        assertThat(lastOfType(id, "DECISION").hasNonNull("copyReceivedAt")).isTrue();

        assertThat(record(browser, id, Map.of("type", "UN_SUBMITTED", "committee", "CAT", "interimMeasures", "true",
                "decidedAt", local(Duration.ofHours(13)))).statusCode()).isEqualTo(302);
        assertThat(ladder.view(id).get("committee").asText()).isEqualTo("CAT");
        assertThat(actsOffered(browser.get(path).body())).containsExactly("UN_TRANSMITTED", "STATE_REPLY", "CLOSED");
    }

    @Test
    void whatAnActLacksComesBackAtItsFieldWithTheFormShownAgain() {
        String lawyer = TestUsers.create(ladder, "LAWYER");
        UUID id = registerAs(lawyer);
        PageSession browser = signedIn(lawyer);

        HttpResponse<String> noNote = record(browser, id, Map.of("type", "CLOSED", "closeReason", "OTHER", "decidedAt", local(Duration.ofHours(1))));
        assertThat(noNote.statusCode()).isEqualTo(400);
        assertThat(noNote.body()).contains("Для причины «другое» опишите её в примечании.")
                .contains("id=\"note-error\"").containsPattern("id=\"ev-note\"[^>]*aria-invalid=\"true\"")
                .containsPattern("<option value=\"CLOSED\" selected=\"selected\"");

        HttpResponse<String> notNow = record(browser, id, Map.of("type", "JUDGE_DECISION", "outcome", "REFUSED", "decidedAt", local(Duration.ofHours(1))));
        assertThat(notNow.statusCode()).isEqualTo(400);
        assertThat(notNow.body()).contains("Это действие не подходит к нынешнему этапу дела");

        HttpResponse<String> noOutcome = record(browser, id, Map.of("type", "REFUSED_TO_REGISTER", "decidedAt", local(Duration.ofHours(1))));
        assertThat(noOutcome.statusCode()).isEqualTo(400);
        assertThat(noOutcome.body()).contains("Выберите орган, принявший решение.").contains("id=\"authority-error\"");
        HttpResponse<String> learnedFirst = record(browser, id, Map.of("type", "FORWARDED_TO_INTERNAL_SECURITY",
                "decidedAt", local(Duration.ofHours(2)), "learnedAt", local(Duration.ofHours(3))));
        assertThat(learnedFirst.statusCode()).isEqualTo(400);
        assertThat(learnedFirst.body()).contains("узнать о решении нельзя раньше, чем оно принято")
                .containsPattern("id=\"ev-learned\"[^>]*aria-invalid=\"true\"");
        assertThat(ladder.historyCount(id, "DECISION") + ladder.historyCount(id, "CLOSED")
                + ladder.historyCount(id, "FORWARDED_TO_INTERNAL_SECURITY")).as("nothing recorded").isZero();
    }

    @Test
    void aCaseClosedWithItsReasonShowsItOnTheTimelineInThePageLanguageAndLeavesTheBoard() {
        String lawyer = TestUsers.create(ladder, "LAWYER");
        UUID id = registerAs(lawyer);
        PageSession browser = signedIn(lawyer);
        String caseNumber = ladder.view(id).get("caseNumber").asText();
        assertThat(browser.get("/board").body()).contains(caseNumber);

        assertThat(record(browser, id, Map.of("type", "CLOSED", "closeReason", "APPLICANT_WITHDREW",
                "decidedAt", local(Duration.ofHours(1)), "note", "письменный отказ от 01.02")).statusCode()).isEqualTo(302);

        assertThat(ladder.stage(id)).isEqualTo("CLOSED");
        String ru = browser.get("/cases/" + id).body();
        assertThat(ru).contains("заявитель отказался от жалобы").contains("письменный отказ от 01.02").doesNotContain("closeReason=")
                .doesNotContain("id=\"event-form\"");
        assertThat(browser.get("/cases/" + id + "?lang=kk").body()).contains("өтініш беруші шағымынан бас тартты");
        assertThat(browser.get("/board?lang=ru").body()).doesNotContain(caseNumber);
    }

    @Test
    void theApiClosesWithAReasonAndStillWithout() {
        UUID withReason = ladder.register(ladder.ago(Duration.ofHours(3)));
        JsonNode closed = ladder.event(withReason, """
                {"type": "CLOSED", "occurredAt": "%s", "closeReason": "REMEDY_OBTAINED"}""".formatted(ladder.ago(Duration.ofHours(1))));
        assertThat(closed.get("stage").asText()).isEqualTo("CLOSED");
        assertThat(lastOfType(withReason, "CLOSED").get("detail").asText()).isEqualTo("closeReason=REMEDY_OBTAINED");

        UUID other = ladder.register(ladder.ago(Duration.ofHours(3)));
        var refused = ladder.eventResponse(other, """
                {"type": "CLOSED", "occurredAt": "%s", "closeReason": "OTHER"}""".formatted(ladder.ago(Duration.ofHours(1))));
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody()).contains("\"field\":\"note\"");

        JsonNode legacy = ladder.event(other, """
                {"type": "CLOSED", "occurredAt": "%s"}""".formatted(ladder.ago(Duration.ofHours(1))));
        assertThat(legacy.get("stage").asText()).as("a caller written before the reason existed").isEqualTo("CLOSED");
    }

    @Test
    void aCoordinatorHandsTheCaseToAnotherLawyerWhoSeesItWhileTheFirstNoLongerDoes() {
        String first = TestUsers.create(ladder, "LAWYER");
        String second = TestUsers.create(ladder, "LAWYER");
        String coordinator = TestUsers.create(ladder, "COORDINATOR");
        UUID id = registerAs(first);
        String caseNumber = ladder.view(id).get("caseNumber").asText();
        String path = "/cases/" + id;

        PageSession firstLawyer = signedIn(first);
        assertThat(firstLawyer.get(path).body()).doesNotContain("id=\"reassign-form\"");
        HttpResponse<String> byLawyer = firstLawyer.submit(path, path + "/lawyer", Map.of("lawyer", second));
        assertThat(byLawyer.statusCode()).as("a lawyer does not hand cases around, not even their own").isEqualTo(403);
        assertThat(lastAudit("ACCESS_DENIED").get("detail").toString()).startsWith("reassign");

        PageSession coordinating = signedIn(coordinator);
        assertThat(coordinating.get(path).body()).contains("id=\"reassign-form\"").contains(second);
        HttpResponse<String> unknown = coordinating.submit(path, path + "/lawyer", Map.of("lawyer", "no-such-lawyer"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("id=\"lawyer-error\"");
        HttpResponse<String> handed = coordinating.submit(path, path + "/lawyer", Map.of("lawyer", second));
        assertThat(handed.statusCode()).isEqualTo(302);

        assertThat(ladder.view(id).get("lawyer").asText()).isEqualTo(second);
        Map<String, Object> audit = lastAudit("CASE_REASSIGNED");
        assertThat(audit.get("actor")).isEqualTo(coordinator);
        assertThat(audit.get("target")).isEqualTo("case " + caseNumber);
        assertThat(audit.get("detail")).isEqualTo("from " + first + " to " + second);
        JsonNode reassigned = lastOfType(id, "REASSIGNED");
        assertThat(reassigned.get("by").asText()).isEqualTo(coordinator);
        assertThat(reassigned.get("detail").asText()).isEqualTo(first + " → " + second);
        assertThat(coordinating.get(path).body()).contains("Дело передано другому юристу")
                .containsPattern("внесено \\d\\d\\.\\d\\d\\.\\d{4} \\d\\d:\\d\\d, " + coordinator);

        assertThat(signedIn(second).get("/board").body()).contains(caseNumber);
        assertThat(firstLawyer.get("/board").body()).doesNotContain(caseNumber);
        assertThat(firstLawyer.get(path).statusCode()).isEqualTo(403);
    }

    @Test
    void theApiHandsACaseOverForAdministratorsAndRefusesAStaffMemberAsLawyer() {
        String first = TestUsers.create(ladder, "LAWYER");
        String second = TestUsers.create(ladder, "LAWYER");
        String staff = TestUsers.create(ladder, "STAFF");
        UUID id = registerAs(first);

        ResponseEntity<String> notALawyer = putLawyer(id, staff);
        assertThat(notALawyer.getStatusCode().value()).isEqualTo(400);
        assertThat(notALawyer.getBody()).contains("\"field\":\"lawyer\"");
        ResponseEntity<String> handed = putLawyer(id, second);
        assertThat(handed.getStatusCode().value()).isEqualTo(200);
        assertThat(ladder.read(handed.getBody()).get("changed").asBoolean()).isTrue();
        ResponseEntity<String> again = putLawyer(id, second);
        assertThat(ladder.read(again.getBody()).get("changed").asBoolean()).as("already theirs: nothing recorded").isFalse();
        assertThat(ladder.historyCount(id, "REASSIGNED")).isEqualTo(1);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private ResponseEntity<String> putLawyer(UUID id, String lawyer) {
        return ladder.rest().exchange("/api/complaints/" + id + "/lawyer", HttpMethod.PUT,
                new HttpEntity<>("{\"lawyer\": \"" + lawyer + "\"}", kz.shagym.LadderHarness.jsonHeaders()), String.class);
    }

    private UUID registerAs(String lawyer) {
        ResponseEntity<String> response = restTemplate.withBasicAuth(lawyer, TestUsers.PASSWORD).postForEntity("/api/complaints",
                new HttpEntity<>(kz.shagym.LadderHarness.complaintJson("POLICE", ladder.ago(Duration.ofDays(1))),
                        kz.shagym.LadderHarness.jsonHeaders()), String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        UUID id = UUID.fromString(ladder.read(response.getBody()).get("id").asText());
        ladder.awaitWaitingAt(id, "Gateway_AwaitAuthorityResponse");
        return id;
    }

    private HttpResponse<String> record(PageSession browser, UUID id, Map<String, String> fields) {
        return browser.submit("/cases/" + id, "/cases/" + id + "/events", fields);
    }

    private static java.util.List<String> actsOffered(String page) {
        Matcher select = ACT_OPTION.matcher(page);
        if (!select.find()) {
            return java.util.List.of();
        }
        return Pattern.compile("<option value=\"([A-Z_]+)\"").matcher(select.group(1)).results().map(m -> m.group(1)).toList();
    }

    private JsonNode lastOfType(UUID id, String type) {
        JsonNode found = null;
        for (JsonNode h : ladder.view(id).get("history")) {
            if (type.equals(h.get("type").asText())) {
                found = h;
            }
        }
        assertThat(found).as("a %s event", type).isNotNull();
        return found;
    }

    /** A moment before the application's now, as the form's datetime-local field posts it (Almaty time). */
    private String local(Duration before) {
        return LocalDateTime.ofInstant(ladder.now().minus(before), Formats.ALMATY).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    private PageSession signedIn(String username) {
        PageSession browser = new PageSession(restTemplate.getRootUri());
        assertThat(browser.login(username, TestUsers.PASSWORD).statusCode()).isEqualTo(302);
        return browser;
    }

    private Map<String, Object> lastAudit(String action) {
        return jdbc.sql("select actor, action, target, detail from audit_log where action = :a order by seq desc limit 1")
                .param("a", action).query().singleRow();
    }
}
