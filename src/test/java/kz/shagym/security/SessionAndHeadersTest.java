package kz.shagym.security;

import kz.shagym.LadderHarness;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import kz.shagym.ShagymIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/** Session fixation, CSRF on the pages and the security headers, over real HTTP as a browser sends it. */
class SessionAndHeadersTest extends ShagymIntegrationTest {

    @Autowired
    private LoginThrottle throttle;

    @AfterEach
    void unthrottle() {
        throttle.reset();
    }

    @Test
    void signingInGivesANewSessionIdAndTheOldOneStaysAnonymous() {
        String user = TestUsers.create(ladder, "COORDINATOR");
        PageSession browser = new PageSession(restTemplate.getRootUri());
        browser.get("/login");
        String before = browser.sessionId();
        assertThat(before).isNotNull();

        assertThat(PageSession.location(browser.login(user, TestUsers.PASSWORD))).doesNotContain("login");

        assertThat(browser.sessionId()).isNotEqualTo(before);
        assertThat(browser.get("/board").statusCode()).isEqualTo(200);
        assertThat(PageSession.location(browser.withSessionId(before).get("/board"))).as("a planted session id gains nothing")
                .endsWith("/login");
    }

    @Test
    void theTotpStepGivesAnotherNewSessionId() {
        String user = TestUsers.create(ladder, "COORDINATOR");
        String secret = ladder.read(restTemplate.withBasicAuth(user, TestUsers.PASSWORD)
                .postForEntity("/api/me/totp/enrollment", null, String.class).getBody()).get("secret").asText();
        TotpTestCodes.awaitFreshStep();
        restTemplate.withBasicAuth(user, TestUsers.PASSWORD).postForEntity("/api/me/totp/confirmation",
                new org.springframework.http.HttpEntity<>("{\"code\": \"" + TotpTestCodes.stepsFromNow(secret, -1) + "\"}", LadderHarness.jsonHeaders()),
                String.class);
        PageSession browser = new PageSession(restTemplate.getRootUri());
        browser.login(user, TestUsers.PASSWORD);
        String pending = browser.sessionId();

        assertThat(PageSession.location(browser.enterCode(TotpTestCodes.stepsFromNow(secret, 0)))).doesNotContain("login");

        assertThat(browser.sessionId()).isNotEqualTo(pending);
        assertThat(PageSession.location(browser.withSessionId(pending).get("/board"))).endsWith("/login");
    }

    @Test
    void aPagePostWithoutItsCsrfTokenIsRefused() {
        String user = TestUsers.create(ladder, "LAWYER");
        PageSession browser = new PageSession(restTemplate.getRootUri());
        browser.login(user, TestUsers.PASSWORD);

        assertThat(browser.post("/my/calendar", Map.of()).statusCode()).isEqualTo(403);
        assertThat(browser.post("/my/calendar", Map.of("_csrf", "forged")).statusCode()).isEqualTo(403);
        assertThat(browser.post("/logout", Map.of()).statusCode()).as("not even a forged logout").isEqualTo(403);
        assertThat(browser.post("/login/totp", Map.of("code", "123456")).statusCode()).isEqualTo(403);
        assertThat(browser.submit("/my/deadlines", "/my/calendar", Map.of()).statusCode()).as("with the page's token").isEqualTo(302);
    }

    @Test
    void pagesCarryTheSecurityHeaders() {
        String user = TestUsers.create(ladder, "COORDINATOR");
        PageSession browser = new PageSession(restTemplate.getRootUri());
        assertPageHeaders(browser.get("/login"));
        browser.login(user, TestUsers.PASSWORD);
        HttpResponse<String> board = browser.get("/board");
        assertThat(board.statusCode()).isEqualTo(200);
        assertPageHeaders(board);
        assertThat(board.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    }

    @Test
    void theApiCarriesTheSecurityHeaders() {
        ResponseEntity<String> api = ladder.rest().getForEntity("/api/complaints?limit=1", String.class);
        HttpHeaders headers = api.getHeaders();
        assertThat(headers.getFirst("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
        assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(headers.getCacheControl()).contains("no-store");
        assertThat(headers.getFirst("Set-Cookie")).as("stateless").isNull();
    }

    private static void assertPageHeaders(HttpResponse<String> page) {
        var headers = page.headers();
        assertThat(headers.firstValue("Content-Security-Policy").orElse(""))
                .contains("default-src 'self'", "script-src 'self'", "object-src 'none'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-eval");
        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(headers.firstValue("Referrer-Policy")).hasValue("same-origin");
    }

}
