package kz.shagym.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import kz.shagym.LadderHarness;
import kz.shagym.ShagymIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Per-case grants: staff work only on the cases they are assigned to (STAFF), coordinators see a victim's identity only
 * where they hold an IDENTITY grant (a pseudonym elsewhere), and only administrators and the case's lawyer grant or
 * revoke — every change in the audit trail.
 */
class CaseGrantsTest extends ShagymIntegrationTest {

    @Autowired
    private JdbcClient jdbc;

    private record Case(String id, String caseNumber, String victim, String lawyer) {}

    @Test
    void staffSeesOnlyAssignedCases() {
        Case assigned = registerByNewLawyer();
        Case other = registerByNewLawyer();
        String staff = TestUsers.create(ladder, "STAFF");
        TestRestTemplate asStaff = as(staff);

        assertThat(asStaff.getForEntity("/api/complaints/" + assigned.id(), String.class).getStatusCode().value()).isEqualTo(403);
        assertThat(grant(as(assigned.lawyer()), assigned, staff, "STAFF").getStatusCode().value()).isEqualTo(201);

        var view = asStaff.getForEntity("/api/complaints/" + assigned.id(), String.class);
        assertThat(view.getStatusCode().value()).isEqualTo(200);
        assertThat(view.getBody()).as("assigned staff prepare the letters: they see the victim").contains(assigned.victim());
        assertThat(asStaff.getForEntity("/api/complaints/" + other.id(), String.class).getStatusCode().value()).isEqualTo(403);
        assertThat(asStaff.getForEntity("/api/complaints", String.class).getBody())
                .contains(assigned.id()).doesNotContain(other.id());
        // and they may work on it: an event is accepted on the assigned case, refused on the other
        ladder.awaitWaitingAt(UUID.fromString(assigned.id()), "Gateway_AwaitAuthorityResponse");
        assertThat(postEvent(asStaff, assigned).getStatusCode().value()).isEqualTo(202);
        assertThat(postEvent(asStaff, other).getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void staffBoardDeadlineListAndCalendarShowOnlyAssignedCases() {
        Case assigned = registerByNewLawyer();
        Case other = registerByNewLawyer();
        String staff = TestUsers.create(ladder, "STAFF");
        grant(ladder.rest(), assigned, staff, "STAFF");
        PageSession browser = signedIn(staff);

        String board = browser.get("/board").body();
        assertThat(board).contains(assigned.caseNumber()).doesNotContain(other.caseNumber());
        assertThat(browser.get("/board?region=Алматы".replace("Алматы", java.net.URLEncoder.encode("Алматы",
                java.nio.charset.StandardCharsets.UTF_8))).body()).contains(assigned.caseNumber()).doesNotContain(other.caseNumber());
        String deadlines = browser.get("/my/deadlines").body();
        assertThat(deadlines).contains(assigned.caseNumber()).doesNotContain(other.caseNumber());

        var token = as(staff).postForEntity("/api/me/calendar-token", null, String.class);
        String feed = ladder.read(token.getBody()).get("url").asText().replaceFirst("^https?://[^/]+", "");
        String ics = restTemplate.getForEntity(feed, String.class).getBody();
        assertThat(ics).contains(assigned.caseNumber()).doesNotContain(other.caseNumber());
        // a coordinator's board still shows both
        assertThat(signedIn(TestUsers.create(ladder, "COORDINATOR")).get("/board?lawyer=" + other.lawyer()).body())
                .contains(other.caseNumber());
    }

    @Test
    void staffWhoRegistersAComplaintIsAssignedToIt() {
        String staff = TestUsers.create(ladder, "STAFF");
        String lawyer = TestUsers.create(ladder, "LAWYER");
        var response = post(as(staff), "/api/complaints", complaintJson(uniqueVictim()).replace("\"language\"",
                "\"lawyer\": \"" + lawyer + "\", \"language\""));
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        String id = ladder.read(response.getBody()).get("id").asText();

        assertThat(as(staff).getForEntity("/api/complaints/" + id, String.class).getStatusCode().value()).isEqualTo(200);
        JsonNode grants = ladder.read(as(staff).getForEntity("/api/complaints/" + id + "/grants", String.class).getBody());
        assertThat(grants).hasSize(1);
        assertThat(grants.get(0).get("username").asText()).isEqualTo(staff);
        assertThat(grants.get(0).get("kind").asText()).isEqualTo("STAFF");
        assertThat(lastAudit("GRANT_ADDED")).containsEntry("actor", staff).containsEntry("detail", "STAFF to " + staff + " (registered the complaint)");

        // the intake page does the same
        PageSession browser = signedIn(staff);
        HttpResponse<String> created = browser.submit("/cases/new", "/cases/new", Map.of("victimName", uniqueVictim(),
                "region", "Алматы", "allegation", "TORTURE", "filedWith", "POLICE",
                "filedDate", ladder.ago(Duration.ofDays(1)).substring(0, 10), "filedTime", "10:00", "language", "ru"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        String pageCase = PageSession.location(created).replace("/cases/", "");
        assertThat(browser.get("/cases/" + pageCase).statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from case_grant where complaint_id = :c and username = :u and kind = 'STAFF'")
                .param("c", UUID.fromString(pageCase)).param("u", staff).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void coordinatorSeesPseudonymUntilGranted() {
        Case c = registerByNewLawyer();
        TestRestTemplate coordinator = as(TestUsers.create(ladder, "COORDINATOR"));

        JsonNode view = ladder.read(coordinator.getForEntity("/api/complaints/" + c.id(), String.class).getBody());
        assertThat(view.has("victim")).isFalse();
        assertThat(view.has("medical")).isFalse();
        assertThat(view.get("pseudonym").asText()).isEqualTo("Заявитель " + c.caseNumber());
        JsonNode english = ladder.read(coordinator.getForEntity("/api/complaints/" + c.id() + "?lang=en", String.class).getBody());
        assertThat(english.get("pseudonym").asText()).isEqualTo("Applicant " + c.caseNumber());
        assertThat(coordinator.getForEntity("/api/complaints/" + c.id() + "/letters/pdf", String.class).getStatusCode().value())
                .isEqualTo(403);
        // the lawyer sees the name and no pseudonym
        JsonNode own = ladder.read(as(c.lawyer()).getForEntity("/api/complaints/" + c.id(), String.class).getBody());
        assertThat(own.get("victim").get("fullName").asText()).isEqualTo(c.victim());
        assertThat(own.has("pseudonym")).isFalse();
    }

    @Test
    void identityGrantShowsNameToCoordinator() {
        Case c = registerByNewLawyer();
        String coordinator = TestUsers.create(ladder, "COORDINATOR");
        PageSession browser = signedIn(coordinator);
        assertThat(browser.get("/cases/" + c.id()).body()).contains("Заявитель " + c.caseNumber()).doesNotContain(c.victim());

        assertThat(grant(as(c.lawyer()), c, coordinator, "IDENTITY").getStatusCode().value()).isEqualTo(201);

        JsonNode view = ladder.read(as(coordinator).getForEntity("/api/complaints/" + c.id(), String.class).getBody());
        assertThat(view.get("victim").get("fullName").asText()).isEqualTo(c.victim());
        assertThat(view.has("medical")).as("medical facts follow the identity grant").isTrue();
        assertThat(view.has("pseudonym")).isFalse();
        assertThat(browser.get("/cases/" + c.id()).body()).contains(c.victim());
        // still an overseer: the grant shows, it does not let the coordinator change the case
        assertThat(postEvent(as(coordinator), c).getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void revokedGrantHidesIdentityAgain() {
        Case c = registerByNewLawyer();
        String coordinator = TestUsers.create(ladder, "COORDINATOR");
        grant(ladder.rest(), c, coordinator, "IDENTITY");
        assertThat(as(coordinator).getForEntity("/api/complaints/" + c.id(), String.class).getBody()).contains(c.victim());

        var revoked = as(c.lawyer()).exchange("/api/complaints/" + c.id() + "/grants/" + coordinator + "/IDENTITY",
                HttpMethod.DELETE, null, String.class);
        assertThat(revoked.getStatusCode().value()).isEqualTo(204);

        String body = as(coordinator).getForEntity("/api/complaints/" + c.id(), String.class).getBody();
        assertThat(body).doesNotContain(c.victim()).contains("Заявитель " + c.caseNumber());
        assertThat(as(c.lawyer()).exchange("/api/complaints/" + c.id() + "/grants/" + coordinator + "/IDENTITY",
                HttpMethod.DELETE, null, String.class).getStatusCode().value()).as("nothing left to revoke").isEqualTo(404);
    }

    @Test
    void onlyAdminOrAssignedLawyerMayGrant() {
        Case c = registerByNewLawyer();
        String staff = TestUsers.create(ladder, "STAFF");
        String coordinator = TestUsers.create(ladder, "COORDINATOR");
        String otherLawyer = TestUsers.create(ladder, "LAWYER");

        for (String refused : List.of(coordinator, otherLawyer)) {
            var response = grant(as(refused), c, staff, "STAFF");
            assertThat(response.getStatusCode().value()).as(refused).isEqualTo(403);
            assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
            assertThat(lastAudit("ACCESS_DENIED")).containsEntry("actor", refused).containsEntry("target", "case " + c.caseNumber());
        }
        assertThat(grant(as(coordinator), c, coordinator, "IDENTITY").getStatusCode().value())
                .as("a coordinator cannot grant themself the identity").isEqualTo(403);
        assertThat(grant(as(c.lawyer()), c, staff, "STAFF").getStatusCode().value()).isEqualTo(201);
        assertThat(grant(as(staff), c, TestUsers.create(ladder, "STAFF"), "STAFF").getStatusCode().value())
                .as("assigned staff work on the case; they do not decide who else does").isEqualTo(403);
        assertThat(grant(ladder.rest(), c, staff, "STAFF").getStatusCode().value()).as("already granted").isEqualTo(200);
        assertThat(grant(ladder.rest(), c, coordinator, "IDENTITY").getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void aGrantMustFitTheUsersRoleAndNameAKnownUser() {
        Case c = registerByNewLawyer();
        String staff = TestUsers.create(ladder, "STAFF");
        String coordinator = TestUsers.create(ladder, "COORDINATOR");
        var wrongKind = grant(ladder.rest(), c, staff, "IDENTITY");
        assertThat(wrongKind.getStatusCode().value()).isEqualTo(400);
        assertThat(ladder.read(wrongKind.getBody()).get("field").asText()).isEqualTo("kind");
        assertThat(grant(ladder.rest(), c, coordinator, "STAFF").getStatusCode().value()).isEqualTo(400);
        assertThat(grant(ladder.rest(), c, TestUsers.create(ladder, "LAWYER"), "STAFF").getStatusCode().value()).isEqualTo(400);
        var unknown = grant(ladder.rest(), c, "nobody-" + UUID.randomUUID().toString().substring(0, 8), "STAFF");
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(unknown.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(grant(ladder.rest(), c, staff, "EVERYTHING").getStatusCode().value()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from case_grant where complaint_id = :c").param("c", UUID.fromString(c.id()))
                .query(Integer.class).single()).isZero();
    }

    @Test
    void grantsAreAudited() {
        Case c = registerByNewLawyer();
        String staff = TestUsers.create(ladder, "STAFF");
        grant(as(c.lawyer()), c, staff, "STAFF");
        assertThat(lastAudit("GRANT_ADDED")).containsEntry("actor", c.lawyer()).containsEntry("target", "case " + c.caseNumber())
                .containsEntry("detail", "STAFF to " + staff);
        long before = auditCount("GRANT_ADDED");
        grant(as(c.lawyer()), c, staff, "STAFF");
        assertThat(auditCount("GRANT_ADDED")).as("granting what is granted changes nothing").isEqualTo(before);

        ladder.rest().exchange("/api/complaints/" + c.id() + "/grants/" + staff + "/STAFF", HttpMethod.DELETE, null, String.class);
        assertThat(lastAudit("GRANT_REVOKED")).containsEntry("actor", LadderHarness.ADMIN).containsEntry("target", "case " + c.caseNumber())
                .containsEntry("detail", "STAFF from " + staff);
        assertThat(ladder.rest().getForEntity("/api/admin/audit/verify", String.class).getBody()).contains("\"intact\":true");
    }

    @Test
    void theCaseLawyerGrantsAndRevokesFromTheCasePage() {
        Case c = registerByNewLawyer();
        String coordinator = TestUsers.create(ladder, "COORDINATOR");
        PageSession lawyer = signedIn(c.lawyer());
        String page = "/cases/" + c.id();
        assertThat(lawyer.get(page).body()).contains("id=\"grant-form\"").contains(coordinator);

        HttpResponse<String> granted = lawyer.submit(page, page + "/grants", Map.of("username", coordinator, "kind", "IDENTITY"));
        assertThat(granted.statusCode()).isEqualTo(302);
        assertThat(PageSession.location(granted)).isEqualTo(page + "#grants");
        assertThat(lawyer.get(page).body()).contains("data-user=\"" + coordinator + "\"");
        assertThat(signedIn(coordinator).get(page).body()).contains(c.victim()).doesNotContain("id=\"grant-form\"");

        HttpResponse<String> misfit = lawyer.submit(page, page + "/grants", Map.of("username", coordinator, "kind", "STAFF"));
        assertThat(misfit.statusCode()).isEqualTo(400);
        assertThat(misfit.body()).contains("field-error");

        assertThat(lawyer.submit(page, page + "/grants/revoke", Map.of("username", coordinator, "kind", "IDENTITY")).statusCode())
                .isEqualTo(302);
        assertThat(signedIn(coordinator).get(page).body()).doesNotContain(c.victim()).contains("Заявитель " + c.caseNumber());
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private Case registerByNewLawyer() {
        String lawyer = TestUsers.create(ladder, "LAWYER");
        String victim = uniqueVictim();
        var response = post(as(lawyer), "/api/complaints", complaintJson(victim));
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        JsonNode view = ladder.read(response.getBody());
        return new Case(view.get("id").asText(), view.get("caseNumber").asText(), victim, lawyer);
    }

    private static String uniqueVictim() {
        return "Грантова Айгуль Маратовна " + ThreadLocalRandom.current().nextInt(100_000, 999_999);
    }

    private String complaintJson(String victim) {
        return """
                {"victim": {"fullName": "%s", "birthDate": "1981-04-05"}, "region": "Алматы", "allegation": "TORTURE",
                 "filedWith": "POLICE", "filedAt": "%s", "language": "ru",
                 "medical": {"injuries": "bruises on both wrists"}}""".formatted(victim, ladder.ago(Duration.ofHours(5)));
    }

    private ResponseEntity<String> postEvent(TestRestTemplate as, Case c) {
        return post(as, "/api/complaints/" + c.id() + "/events",
                "{\"type\": \"REGISTERED\", \"occurredAt\": \"%s\"}".formatted(ladder.ago(Duration.ofHours(1))));
    }

    private ResponseEntity<String> grant(TestRestTemplate as, Case c, String username, String kind) {
        return as.exchange("/api/complaints/" + c.id() + "/grants/" + username + "/" + kind, HttpMethod.PUT, null, String.class);
    }

    private TestRestTemplate as(String username) {
        return restTemplate.withBasicAuth(username, TestUsers.PASSWORD);
    }

    private PageSession signedIn(String username) {
        PageSession browser = new PageSession(restTemplate.getRootUri());
        assertThat(browser.login(username, TestUsers.PASSWORD).statusCode()).isEqualTo(302);
        return browser;
    }

    private static ResponseEntity<String> post(TestRestTemplate as, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return as.postForEntity(path, new HttpEntity<>(json, headers), String.class);
    }

    private Map<String, Object> lastAudit(String action) {
        return jdbc.sql("select actor, action, target, detail from audit_log where action = :a order by seq desc limit 1")
                .param("a", action).query().singleRow();
    }

    private long auditCount(String action) {
        return jdbc.sql("select count(*) from audit_log where action = :a").param("a", action).query(Long.class).single();
    }
}
