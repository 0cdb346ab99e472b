package kz.shagym.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * The TOTP second factor through the running application: codes are made from the enrolled secret by the same library
 * an authenticator app would use, against the wall clock.
 */
class TotpTest extends SecondFactorTestSupport {

    @Test
    void enrollmentReturnsAnOtpauthUriAndStoresTheSecretEncrypted() {
        String user = TestUsers.create(ladder, "LAWYER");
        JsonNode enrollment = totp.enroll(user);
        String secret = enrollment.get("secret").asText();
        assertThat(secret).matches("[A-Z2-7]{32}");

        URI uri = URI.create(enrollment.get("otpauthUri").asText());
        assertThat(uri.getScheme()).isEqualTo("otpauth");
        assertThat(uri.getHost()).isEqualTo("totp");
        assertThat(URLDecoder.decode(uri.getRawPath(), StandardCharsets.UTF_8)).isEqualTo("/Shagym:" + user);
        assertThat(uri.getQuery()).contains("secret=" + secret, "issuer=Shagym", "digits=6", "period=30", "algorithm=SHA1");

        String stored = jdbc.sql("select secret_enc from user_totp where username = :u").param("u", user).query(String.class).single();
        assertThat(stored).startsWith("v1:test-new:").doesNotContain(secret);
        assertThat(status(user)).isEqualTo("PENDING");
        assertThat(requests.get(user, "/api/complaints?limit=1").getStatusCode().value()).as("pending is not active yet").isEqualTo(200);
    }

    @Test
    void confirmationNeedsAValidCode() {
        String user = TestUsers.create(ladder, "LAWYER");
        String secret = totp.enrolledSecret(user);

        ResponseEntity<String> wrong = requests.postJson(user, "/api/me/totp/confirmation", "{\"code\": \"" + TotpTestCodes.wrong(secret) + "\"}");
        assertThat(wrong.getStatusCode().value()).isEqualTo(400);
        assertThat(ladder.read(wrong.getBody()).get("field").asText()).isEqualTo("code");
        assertThat(status(user)).isEqualTo("PENDING");

        TotpTestCodes.awaitFreshStep();
        assertThat(requests.postJson(user, "/api/me/totp/confirmation", "{\"code\": \"" + TotpTestCodes.stepsFromNow(secret, 0) + "\"}")
                .getStatusCode().value()).isEqualTo(200);
        assertThat(count("select count(*) from audit_log where actor = '" + user + "' and action = 'TOTP_ACTIVATED'")).isEqualTo(1);
        assertThat(requests.postJson(user, "/api/me/totp/enrollment", "").getStatusCode().value())
                .as("Basic is refused now that the factor is active").isEqualTo(401);
    }

    @Test
    void totpUserNeedsCodeBeforeBoard() {
        String user = TestUsers.create(ladder, "COORDINATOR");
        String secret = totp.activate(user).secret();
        PageSession browser = new PageSession(restTemplate.getRootUri());

        HttpResponse<String> password = browser.login(user, TestUsers.PASSWORD);
        assertThat(PageSession.location(password)).isEqualTo("/login/totp");
        assertThat(PageSession.location(browser.get("/board"))).as("no page before the code").endsWith("/login");
        assertThat(browser.get("/my/deadlines").statusCode()).isEqualTo(302);
        assertThat(browser.get("/api/complaints?limit=1").statusCode()).as("nor the API").isEqualTo(401);
        HttpResponse<String> codePage = browser.get("/login/totp");
        assertThat(codePage.statusCode()).isEqualTo(200);
        assertThat(codePage.body()).contains("autocomplete=\"one-time-code\"");

        HttpResponse<String> code = browser.enterCode(TotpTestCodes.stepsFromNow(secret, 0));
        assertThat(code.statusCode()).isEqualTo(302);
        assertThat(PageSession.location(code)).doesNotContain("login");
        HttpResponse<String> board = browser.get("/board");
        assertThat(board.statusCode()).isEqualTo(200);
        assertThat(board.body()).contains(user);
        assertThat(count("select count(*) from audit_log where actor = '" + user + "' and action = 'LOGIN_PASSWORD_OK'")).isEqualTo(1);
        assertThat(count("select count(*) from audit_log where actor = '" + user + "' and action = 'LOGIN_SUCCESS'"
                + " and detail like '%TOTP%'")).isEqualTo(1);
    }

    @Test
    void replayedTotpCodeIsRefused() {
        String user = TestUsers.create(ladder, "LAWYER");
        String secret = totp.activate(user).secret();
        String code = TotpTestCodes.stepsFromNow(secret, 0);
        PageSession first = new PageSession(restTemplate.getRootUri());
        first.login(user, TestUsers.PASSWORD);
        assertThat(PageSession.location(first.enterCode(code))).doesNotContain("login");

        PageSession second = new PageSession(restTemplate.getRootUri());
        second.login(user, TestUsers.PASSWORD);
        assertThat(PageSession.location(second.enterCode(code))).isEqualTo("/login/totp?error");
        assertThat(PageSession.location(second.enterCode(TotpTestCodes.stepsFromNow(secret, -1))))
                .as("an older code than one used is a replay too").isEqualTo("/login/totp?error");
        assertThat(PageSession.location(second.get("/board"))).endsWith("/login");
        assertThat(PageSession.location(second.enterCode(TotpTestCodes.stepsFromNow(secret, 1)))).doesNotContain("login");
        assertThat(count("select count(*) from audit_log where actor = '" + user + "' and action = 'LOGIN_FAILURE'")).isEqualTo(2);
    }

    @Test
    void codesOneStepEitherSideAreAcceptedTwoStepsAreNot() {
        String user = TestUsers.create(ladder, "LAWYER");
        String secret = totp.enrolledSecret(user);
        TotpTestCodes.awaitFreshStep();
        assertThat(requests.postJson(user, "/api/me/totp/confirmation", "{\"code\": \"" + TotpTestCodes.stepsFromNow(secret, -1) + "\"}")
                .getStatusCode().value()).as("one step behind").isEqualTo(200);

        PageSession browser = new PageSession(restTemplate.getRootUri());
        browser.login(user, TestUsers.PASSWORD);
        TotpTestCodes.awaitFreshStep();
        assertThat(PageSession.location(browser.enterCode(TotpTestCodes.stepsFromNow(secret, 2)))).isEqualTo("/login/totp?error");
        assertThat(PageSession.location(browser.enterCode(TotpTestCodes.stepsFromNow(secret, -2)))).isEqualTo("/login/totp?error");
        assertThat(PageSession.location(browser.enterCode(TotpTestCodes.stepsFromNow(secret, 1)))).as("one step ahead")
                .doesNotContain("login");
    }

    @Test
    void wrongCodesAreCountedByTheLoginThrottle() {
        String user = TestUsers.create(ladder, "LAWYER");
        String secret = totp.activate(user).secret();
        PageSession browser = new PageSession(restTemplate.getRootUri());
        browser.login(user, TestUsers.PASSWORD);
        for (int i = 0; i < 4; i++) {
            assertThat(PageSession.location(browser.enterCode(TotpTestCodes.wrong(secret)))).isEqualTo("/login/totp?error");
        }
        // the right password again must not clear the count, or the code could be guessed four at a time forever
        assertThat(PageSession.location(browser.login(user, TestUsers.PASSWORD))).isEqualTo("/login/totp");
        assertThat(PageSession.location(browser.enterCode(TotpTestCodes.wrong(secret)))).isEqualTo("/login/totp?error");

        HttpResponse<String> throttled = browser.enterCode(TotpTestCodes.stepsFromNow(secret, 0));
        assertThat(throttled.statusCode()).as("even the right code waits out the back-off").isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        assertThat(PageSession.location(browser.get("/board"))).endsWith("/login");
        assertThat(count("select count(*) from audit_log where actor = '" + user + "' and action = 'LOGIN_FAILURE'"
                + " and detail like 'InvalidTotpCodeException%'")).isEqualTo(5);
    }

    @Test
    void httpBasicOfATotpUserIsRefusedWithAPointerToTokens() {
        String user = TestUsers.create(ladder, "LAWYER");
        String token = requests.createToken(user, "{\"name\": \"scripts\"}").get("token").asText();
        totp.activate(user);

        ResponseEntity<String> refused = requests.get(user, "/api/complaints?limit=1");
        assertThat(refused.getStatusCode().value()).isEqualTo(401);
        assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(ladder.read(refused.getBody()).get("detail").asText()).contains("second factor", "personal API token", "Bearer");
        assertThat(count("select count(*) from audit_log where actor = '" + user + "' and action = 'LOGIN_REFUSED'")).isEqualTo(1);

        assertThat(requests.bearer(token, HttpMethod.GET, "/api/complaints?limit=1", null).getStatusCode().value())
                .as("the token is the API's way in").isEqualTo(200);
    }

    @Test
    void disablingNeedsACode() {
        String user = TestUsers.create(ladder, "LAWYER");
        String token = requests.createToken(user, "{\"name\": \"admin tasks\"}").get("token").asText();
        String secret = totp.activate(user).secret();

        assertThat(requests.bearer(token, HttpMethod.POST, "/api/me/totp/disable", "{\"code\": \"" + TotpTestCodes.wrong(secret) + "\"}")
                .getStatusCode().value()).isEqualTo(400);
        assertThat(requests.bearer(token, HttpMethod.POST, "/api/me/totp/disable", "{}").getStatusCode().value()).isEqualTo(400);
        assertThat(requests.bearer(token, HttpMethod.POST, "/api/me/totp/enrollment", "").getStatusCode().value())
                .as("a token cannot enrol a new secret over the active one").isEqualTo(403);
        assertThat(requests.bearer(token, HttpMethod.POST, "/api/me/totp/disable", "{\"code\": \"" + TotpTestCodes.stepsFromNow(secret, 0) + "\"}")
                .getStatusCode().value()).isEqualTo(200);
        assertThat(requests.get(user, "/api/complaints?limit=1").getStatusCode().value()).isEqualTo(200);
        assertThat(count("select count(*) from audit_log where actor = '" + user + "' and action = 'TOTP_DISABLED'")).isEqualTo(1);
    }

    @Test
    void anAdministratorResetsALostSecondFactor() {
        String user = TestUsers.create(ladder, "LAWYER");
        String colleague = TestUsers.create(ladder, "COORDINATOR");
        totp.activate(user);
        assertThat(restTemplate.withBasicAuth(colleague, TestUsers.PASSWORD).exchange("/api/users/" + user + "/totp",
                HttpMethod.DELETE, null, String.class).getStatusCode().value()).isEqualTo(403);
        assertThat(ladder.rest().exchange("/api/users/nobody-such/totp", HttpMethod.DELETE, null, String.class)
                .getStatusCode().value()).isEqualTo(404);

        assertThat(ladder.rest().exchange("/api/users/" + user + "/totp", HttpMethod.DELETE, null, String.class)
                .getStatusCode().value()).isEqualTo(204);

        assertThat(count("select count(*) from audit_log where action = 'TOTP_RESET' and target = 'user " + user + "'"
                + " and detail = 'second factor removed'")).isEqualTo(1);
        assertThat(requests.get(user, "/api/complaints?limit=1").getStatusCode().value()).isEqualTo(200);
        PageSession browser = new PageSession(restTemplate.getRootUri());
        assertThat(PageSession.location(browser.login(user, TestUsers.PASSWORD))).doesNotContain("login");
    }

    @Test
    void theCodePageNeedsThePasswordFirst() {
        PageSession browser = new PageSession(restTemplate.getRootUri());
        assertThat(PageSession.location(browser.get("/login/totp"))).isEqualTo("/login?expired");
        assertThat(PageSession.location(browser.submit("/login", "/login/totp", Map.of("code", "123456"))))
                .isEqualTo("/login?expired");
        assertThat(PageSession.location(browser.get("/board"))).endsWith("/login");
    }

    private String status(String user) {
        return ladder.read(requests.get(user, "/api/me/totp").getBody()).get("status").asText();
    }
}
