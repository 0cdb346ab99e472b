package kz.shagym.security;

import static org.assertj.core.api.Assertions.assertThat;

import kz.shagym.ShagymIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Login throttling and the audit of logins, case reads and denials, through the running application. */
class LoginThrottleTest extends ShagymIntegrationTest {

    @Autowired
    private LoginThrottle throttle;
    @Autowired
    private JdbcClient jdbc;

    @AfterEach
    void unthrottle() {
        throttle.reset(); // the application is shared with every other test class
    }

    private final java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();

    /** A plain client: RestTemplate's Apache client would honour Retry-After and sleep through the back-off. */
    private java.net.http.HttpResponse<String> attempt(String username, String password) {
        String basic = java.util.Base64.getEncoder().encodeToString((username + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try {
            return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(restTemplate.getRootUri() + "/api/complaints?limit=1"))
                    .header("Authorization", "Basic " + basic).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private int status(String username, String password) {
        return attempt(username, password).statusCode();
    }

    @Test
    void afterFiveFailuresTheUsernameIsRefusedWith429EvenWithTheRightPassword() {
        String victim = TestUsers.create(ladder, "LAWYER");
        for (int i = 0; i < 5; i++) {
            assertThat(status(victim, "wrong-password")).isEqualTo(401);
        }
        var refused = attempt(victim, TestUsers.PASSWORD);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 15 * 60L);
        assertThat(status(TestUsers.create(ladder, "LAWYER"), TestUsers.PASSWORD))
                .as("another user from the same address").isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from audit_log where actor = :u and action = 'LOGIN_FAILURE'")
                .param("u", victim).query(Integer.class).single()).isEqualTo(5);
    }

    @Test
    void aSuccessClearsTheUsernamesCount() {
        String user = TestUsers.create(ladder, "LAWYER");
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 4; i++) {
                assertThat(status(user, "wrong-" + i)).isEqualTo(401);
            }
            assertThat(status(user, TestUsers.PASSWORD)).isEqualTo(200);
        }
    }

    @Test
    void twentyFailuresFromOneAddressRefuseEveryUsernameFromIt() {
        String user = TestUsers.create(ladder, "LAWYER");
        for (int i = 0; i < 20; i++) {
            assertThat(status("nobody-" + i, "guess")).isEqualTo(401);
        }
        assertThat(status(user, TestUsers.PASSWORD)).isEqualTo(429);
    }

    @Test
    void caseReadsDenialsAndTheVerifyEndpointAreAudited() {
        String alice = TestUsers.create(ladder, "LAWYER");
        String bob = TestUsers.create(ladder, "LAWYER");
        var created = restTemplate.withBasicAuth(alice, TestUsers.PASSWORD).postForEntity("/api/complaints",
                new org.springframework.http.HttpEntity<>(kz.shagym.LadderHarness.complaintJson("POLICE",
                        ladder.ago(java.time.Duration.ofHours(2))), jsonHeaders()), String.class);
        String id = ladder.read(created.getBody()).get("id").asText();
        restTemplate.withBasicAuth(alice, TestUsers.PASSWORD).getForEntity("/api/complaints/" + id, String.class);
        restTemplate.withBasicAuth(bob, TestUsers.PASSWORD).getForEntity("/api/complaints/" + id, String.class);
        assertThat(jdbc.sql("select count(*) from audit_log where actor = :u and action = 'CASE_READ' and target = :t")
                .param("u", alice).param("t", "complaint " + id).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_log where actor = :u and action = 'ACCESS_DENIED'")
                .param("u", bob).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_log where actor = :u and action = 'LOGIN_SUCCESS'")
                .param("u", alice).query(Integer.class).single()).isEqualTo(1);

        assertThat(restTemplate.withBasicAuth(alice, TestUsers.PASSWORD).getForEntity("/api/admin/audit/verify", String.class)
                .getStatusCode().value()).isEqualTo(403);
        var verified = ladder.rest().getForEntity("/api/admin/audit/verify", String.class);
        assertThat(verified.getStatusCode().value()).as(verified.getBody()).isEqualTo(200);
        assertThat(verified.getBody()).contains("\"intact\":true");
    }

    private static org.springframework.http.HttpHeaders jsonHeaders() {
        var headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        return headers;
    }
}
