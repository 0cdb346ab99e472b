package kz.shagym.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import kz.shagym.LadderHarness;
import kz.shagym.ShagymIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Denials by role — a URL rule, an {@code @PreAuthorize}, a controller's own check — are a 403 recorded in the audit
 * trail exactly once (actor, method and path, reason), on the API and on the pages, like per-case denials.
 */
class RoleDenialTest extends ShagymIntegrationTest {

    @Autowired
    private JdbcClient jdbc;

    @Test
    void roleDenialIsAudited() {
        String lawyer = TestUsers.create(ladder, "LAWYER");
        long before = lastSeq();
        ResponseEntity<String> response = restTemplate.withBasicAuth(lawyer, TestUsers.PASSWORD).getForEntity("/api/users", String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(403);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(deniedSince(before)).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("actor", lawyer).containsEntry("target", "GET /api/users");
            assertThat((String) row.get("detail")).startsWith("role: ");
        });
    }

    @Test
    void aCoordinatorsPageDenialIsAudited() {
        String coordinator = TestUsers.create(ladder, "COORDINATOR");
        PageSession browser = new PageSession(restTemplate.getRootUri());
        assertThat(browser.login(coordinator, TestUsers.PASSWORD).statusCode()).isEqualTo(302);
        long before = lastSeq();

        HttpResponse<String> page = browser.get("/cases/new");

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(deniedSince(before)).singleElement().satisfies(row ->
                assertThat(row).containsEntry("actor", coordinator).containsEntry("target", "GET /cases/new"));
    }

    @Test
    void aMethodSecurityDenialIsAuditedOnce() {
        String staff = TestUsers.create(ladder, "STAFF");
        long before = lastSeq();
        var response = restTemplate.withBasicAuth(staff, TestUsers.PASSWORD).getForEntity("/api/reports/stages.xlsx", String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(403);
        assertThat(deniedSince(before)).singleElement().satisfies(row ->
                assertThat(row).containsEntry("actor", staff).containsEntry("target", "GET /api/reports/stages.xlsx"));
    }

    @Test
    void aControllersOwnRoleCheckIsAuditedOnce() {
        TestRestTemplate coordinator = restTemplate.withBasicAuth(TestUsers.create(ladder, "COORDINATOR"), TestUsers.PASSWORD);
        long before = lastSeq();
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        var response = coordinator.postForEntity("/api/complaints", new HttpEntity<>(
                LadderHarness.complaintJson("POLICE", ladder.ago(Duration.ofHours(2))), json), String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(403);
        assertThat(deniedSince(before)).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("target", "POST /api/complaints");
            assertThat((String) row.get("detail")).contains("coordinators oversee cases");
        });
    }

    @Test
    void aMissingCsrfTokenIsRefusedButIsNoRoleDenial() {
        String lawyer = TestUsers.create(ladder, "LAWYER");
        PageSession browser = new PageSession(restTemplate.getRootUri());
        assertThat(browser.login(lawyer, TestUsers.PASSWORD).statusCode()).isEqualTo(302);
        long before = lastSeq();

        assertThat(browser.post("/my/calendar", Map.of()).statusCode()).isEqualTo(403);
        assertThat(deniedSince(before)).isEmpty();
    }

    private long lastSeq() {
        return jdbc.sql("select seq from audit_head where id = 1").query(Long.class).single();
    }

    private java.util.List<Map<String, Object>> deniedSince(long seq) {
        return jdbc.sql("select actor, target, detail from audit_log where seq > :s and action = 'ACCESS_DENIED' order by seq")
                .param("s", seq).query().listOfRows();
    }
}
