package kz.shagym.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.shagym.security.TotpFactors.Factor;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * The second factor's recovery codes through the running application, as a lawyer whose phone is gone would use them:
 * the form login's code step, the API's disable, the account page's new set; each code once, only hashes stored,
 * wrong ones throttled like wrong passwords.
 */
class RecoveryCodesTest extends SecondFactorTestSupport {

    /** A code as shown: two groups of five of the letters and digits that cannot be misread (no i, l, o, 0, 1). */
    private static final Pattern SHAPE = Pattern.compile("[a-hjkmnp-z2-9]{5}-[a-hjkmnp-z2-9]{5}");
    private static final Pattern ON_PAGE = Pattern.compile("<code>(" + SHAPE.pattern() + ")</code>");

    @Test
    void confirmationReturnsTenDistinctCodesOnce() {
        String user = TestUsers.create(ladder, "LAWYER");
        String token = createToken(user);
        Factor factor = totp.activate(user);

        assertThat(factor.codes()).hasSize(10).doesNotHaveDuplicates().allSatisfy(code -> assertThat(code).matches(SHAPE));
        assertThat(count("select count(*) from totp_recovery_code where username = '" + user + "' and used_at is null"))
                .isEqualTo(10);
        assertThat(requests.get(user, "/api/me/totp").getStatusCode().value()).as("Basic is refused once the factor is on").isEqualTo(401);
        assertThat(requests.bearer(token, HttpMethod.GET, "/api/me/totp", null).getBody())
                .as("the status counts the codes and never shows them again").doesNotContain(factor.codes().get(0));
    }

    @Test
    void confirmationTakesOnlyTheAppsCode() {
        String user = TestUsers.create(ladder, "LAWYER");
        totp.enroll(user);
        ResponseEntity<String> refused = requests.postJson(user, "/api/me/totp/confirmation", "{\"code\": \"abcde-fghjk\"}");
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(ladder.read(refused.getBody()).get("field").asText()).isEqualTo("code");
        assertThat(count("select count(*) from totp_recovery_code where username = '" + user + "'")).isZero();
    }

    @Test
    void aRecoveryCodeSignsInThroughTheFormLoginOnceAndIsRefusedTheSecondTime() {
        String user = TestUsers.create(ladder, "COORDINATOR");
        String code = totp.activate(user).codes().get(3);

        PageSession first = new PageSession(restTemplate.getRootUri());
        assertThat(PageSession.location(first.login(user, TestUsers.PASSWORD))).isEqualTo("/login/totp");
        HttpResponse<String> signedIn = first.enterCode(code);
        assertThat(PageSession.location(signedIn)).as("signed in with the recovery code").doesNotContain("login");
        HttpResponse<String> board = first.get("/board");
        assertThat(board.statusCode()).isEqualTo(200);
        assertThat(board.body()).contains(user);

        PageSession second = new PageSession(restTemplate.getRootUri());
        second.login(user, TestUsers.PASSWORD);
        assertThat(PageSession.location(second.enterCode(code))).as("used up").isEqualTo("/login/totp?error");
        assertThat(PageSession.location(second.get("/board"))).endsWith("/login");
        assertThat(count("select count(*) from totp_recovery_code where username = '" + user + "' and used_at is not null"))
                .isEqualTo(1);
    }

    @Test
    void theCodeStepPageSaysThatARecoveryCodeWorksAndTakesItsShape() {
        String user = TestUsers.create(ladder, "LAWYER");
        totp.activate(user);
        PageSession browser = new PageSession(restTemplate.getRootUri());
        browser.login(user, TestUsers.PASSWORD);

        String page = browser.get("/login/totp").body();
        assertThat(page).contains("кодов восстановления вида xxxxx-xxxxx").contains("Каждый код действует один раз.");
        Matcher input = Pattern.compile("<input id=\"code\"[^>]*>").matcher(page);
        assertThat(input.find()).isTrue();
        assertThat(input.group()).contains("maxlength=\"20\"").contains("autocomplete=\"one-time-code\"")
                .as("a numeric keyboard would keep the letters out").doesNotContain("inputmode=\"numeric\"");
        Matcher pattern = Pattern.compile("pattern=\"([^\"]+)\"").matcher(input.group());
        assertThat(pattern.find()).isTrue();
        assertThat("abcde-fghjk").as("the field's own check lets a recovery code through").matches(pattern.group(1));
        assertThat("123456").matches(pattern.group(1));
        assertThat(browser.get("/login/totp?lang=kk").body()).contains("қалпына келтіру кодтарының бірін");
    }

    @Test
    void aRecoveryCodeIsTakenAsTypedInCapitalsOrWithBlanksForTheHyphen() {
        String user = TestUsers.create(ladder, "LAWYER");
        String code = totp.activate(user).codes().get(0);
        PageSession browser = new PageSession(restTemplate.getRootUri());
        browser.login(user, TestUsers.PASSWORD);

        assertThat(PageSession.location(browser.enterCode(" " + code.toUpperCase(Locale.ROOT).replace("-", " ") + " ")))
                .doesNotContain("login");
    }

    @Test
    void oneUsersRecoveryCodeDoesNotSignInAnother() {
        String alice = TestUsers.create(ladder, "LAWYER");
        String bob = TestUsers.create(ladder, "LAWYER");
        String alicesCode = totp.activate(alice).codes().get(0);
        totp.activate(bob);

        PageSession browser = new PageSession(restTemplate.getRootUri());
        browser.login(bob, TestUsers.PASSWORD);
        assertThat(PageSession.location(browser.enterCode(alicesCode))).isEqualTo("/login/totp?error");
        assertThat(count("select count(*) from totp_recovery_code where used_at is not null and username in ('"
                + alice + "', '" + bob + "')")).isZero();
    }

    @Test
    void aRecoveryCodeTurnsTheFactorOffOverTheApiAndTheRestGoWithIt() {
        String user = TestUsers.create(ladder, "LAWYER");
        String token = createToken(user);
        Factor factor = totp.activate(user);

        ResponseEntity<String> off = requests.bearer(token, HttpMethod.POST, "/api/me/totp/disable", "{\"code\": \"" + factor.codes().get(5) + "\"}");
        assertThat(off.getStatusCode().value()).as(off.getBody()).isEqualTo(200);
        assertThat(ladder.read(off.getBody()).get("status").asText()).isEqualTo("NONE");
        assertThat(count("select count(*) from totp_recovery_code where username = '" + user + "'")).isZero();
        assertThat(requests.get(user, "/api/complaints?limit=1").getStatusCode().value()).as("the password alone again").isEqualTo(200);
        assertThat(count("select count(*) from audit_log where actor = '" + user + "' and action = 'TOTP_DISABLED'"
                + " and detail like 'with a recovery code%'")).isEqualTo(1);
        assertThat(count("select count(*) from audit_log where actor = '" + user + "' and action = 'TOTP_RECOVERY_CODE_USED'"
                + " and detail like 'to turn the second factor off%'")).isEqualTo(1);

        Factor again = totp.activate(user);
        PageSession browser = new PageSession(restTemplate.getRootUri());
        browser.login(user, TestUsers.PASSWORD);
        assertThat(PageSession.location(browser.enterCode(factor.codes().get(6))))
                .as("a code of the factor turned off does not come back with a new one").isEqualTo("/login/totp?error");
        assertThat(PageSession.location(browser.enterCode(again.codes().get(0)))).doesNotContain("login");
    }

    @Test
    void aNewSetMadeOnTheAccountPageVoidsTheOldOne() {
        String user = TestUsers.create(ladder, "LAWYER");
        Factor factor = totp.activate(user);
        PageSession browser = signIn(user, factor);

        HttpResponse<String> issued = browser.submit("/my/account", "/my/totp/recovery-codes",
                Map.of("code", TotpTestCodes.stepsFromNow(factor.secret(), 1)));
        assertThat(PageSession.location(issued)).isEqualTo("/my/account");
        String page = browser.get("/my/account").body();
        List<String> fresh = codesOn(page);
        assertThat(fresh).hasSize(10).doesNotHaveDuplicates().doesNotContainAnyElementsOf(factor.codes());
        assertThat(page).contains("Выпущен новый набор кодов восстановления").contains("Неиспользованных кодов восстановления: 10.");
        assertThat(codesOn(browser.get("/my/account").body())).as("shown once").isEmpty();

        PageSession later = new PageSession(restTemplate.getRootUri());
        later.login(user, TestUsers.PASSWORD);
        assertThat(PageSession.location(later.enterCode(factor.codes().get(1)))).as("an unused code of the old set")
                .isEqualTo("/login/totp?error");
        assertThat(PageSession.location(later.enterCode(fresh.get(0)))).doesNotContain("login");
        assertThat(count("select count(*) from totp_recovery_code where username = '" + user + "'")).isEqualTo(10);
    }

    @Test
    void aRecoveryCodeAlsoBuysANewSetAndIsUsedUpWithTheOldOnes() {
        String user = TestUsers.create(ladder, "LAWYER");
        Factor factor = totp.activate(user);
        PageSession browser = signIn(user, factor);

        browser.submit("/my/account", "/my/totp/recovery-codes", Map.of("code", factor.codes().get(9)));
        List<String> fresh = codesOn(browser.get("/my/account").body());
        assertThat(fresh).hasSize(10).doesNotContain(factor.codes().get(9));
        HttpResponse<String> again = browser.submit("/my/account", "/my/totp/recovery-codes", Map.of("code", factor.codes().get(9)));
        assertThat(again.statusCode()).as("the code bought one set").isEqualTo(400);
        assertThat(again.body()).contains("Код неверный");
        assertThat(count("select count(*) from audit_log where actor = '" + user + "' and action = 'TOTP_RECOVERY_CODES_ISSUED'"))
                .as("at confirmation and once here").isEqualTo(2);
    }

    @Test
    void anAdministratorsResetRemovesTheCodes() {
        String user = TestUsers.create(ladder, "LAWYER");
        Factor factor = totp.activate(user);
        assertThat(ladder.rest().exchange("/api/users/" + user + "/totp", HttpMethod.DELETE, null, String.class)
                .getStatusCode().value()).isEqualTo(204);

        assertThat(count("select count(*) from totp_recovery_code where username = '" + user + "'")).isZero();
        Factor again = totp.activate(user);
        PageSession browser = new PageSession(restTemplate.getRootUri());
        browser.login(user, TestUsers.PASSWORD);
        assertThat(PageSession.location(browser.enterCode(factor.codes().get(0)))).isEqualTo("/login/totp?error");
        assertThat(again.codes()).doesNotContainAnyElementsOf(factor.codes());
    }

    @Test
    void theDatabaseHoldsOnlyHashesOfTheCodes() throws Exception {
        String user = TestUsers.create(ladder, "LAWYER");
        Factor factor = totp.activate(user);
        List<Map<String, Object>> rows = jdbc.sql("select * from totp_recovery_code where username = :u").param("u", user)
                .query().listOfRows();
        assertThat(rows).hasSize(10);
        List<String> hashes = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            String hash = row.get("code_hash").toString();
            assertThat(hash).matches("[0-9a-f]{64}");
            hashes.add(hash);
            for (String code : factor.codes()) {
                assertThat(row.values().toString()).doesNotContain(code).doesNotContain(code.replace("-", ""));
            }
        }

        jdbc.sql("CHECKPOINT SYNC").update();
        byte[] file = Files.readAllBytes(dataDir().resolve("shagym.mv.db"));
        assertThat(IdentityAtRestTest.indexOf(file, hashes.get(0).getBytes(StandardCharsets.UTF_8))).as("control: the grep sees the hashes").isNotEqualTo(-1);
        for (String code : factor.codes()) {
            for (String form : List.of(code, code.replace("-", ""), code.toUpperCase(Locale.ROOT))) {
                for (var charset : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE)) {
                    assertThat(IdentityAtRestTest.indexOf(file, form.getBytes(charset))).as("'%s' in %s in shagym.mv.db", form, charset).isEqualTo(-1);
                }
            }
        }
    }

    @Test
    void wrongRecoveryCodesAreThrottledLikeWrongAppCodes() {
        String user = TestUsers.create(ladder, "LAWYER");
        String token = createToken(user);
        Factor factor = totp.activate(user);
        PageSession browser = new PageSession(restTemplate.getRootUri());
        browser.login(user, TestUsers.PASSWORD);
        for (String wrong : List.of("aaaaa-aaaaa", "bbbbb-bbbbb", "ccccc-ccccc", "ddddd-ddddd")) {
            assertThat(PageSession.location(browser.enterCode(wrong))).isEqualTo("/login/totp?error");
        }
        ResponseEntity<String> wrongOnTheApi = requests.bearer(token, HttpMethod.POST, "/api/me/totp/disable", "{\"code\": \"eeeee-eeeee\"}");
        assertThat(wrongOnTheApi.getStatusCode().value()).as("the fifth, on the API").isEqualTo(400);

        HttpResponse<String> throttled = browser.enterCode(factor.codes().get(0));
        assertThat(throttled.statusCode()).as("even a right recovery code waits out the back-off").isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        assertThat(requests.bearer(token, HttpMethod.POST, "/api/me/totp/disable", "{\"code\": \"" + factor.codes().get(1) + "\"}")
                .getStatusCode().value()).isEqualTo(429);
        assertThat(count("select count(*) from totp_recovery_code where username = '" + user + "' and used_at is not null"))
                .as("no code was spent while throttled").isZero();
        assertThat(count("select count(*) from audit_log where actor = '" + user + "' and action = 'LOGIN_FAILURE'"))
                .as("each wrong code audited as a failed login").isEqualTo(5);
    }

    @Test
    void theStatusCountsTheCodesLeftAsTheyAreUsed() {
        String user = TestUsers.create(ladder, "LAWYER");
        String token = createToken(user);
        String secret = totp.enrolledSecret(user);
        assertThat(requests.bearer(token, HttpMethod.GET, "/api/me/totp", null).getBody()).as("pending: no codes yet")
                .doesNotContain("recoveryCodesLeft");
        Factor factor = totp.confirm(user, secret);
        assertThat(codesLeft(token)).isEqualTo(10);

        for (int used = 1; used <= 2; used++) {
            PageSession browser = new PageSession(restTemplate.getRootUri());
            browser.login(user, TestUsers.PASSWORD);
            assertThat(PageSession.location(browser.enterCode(factor.codes().get(used)))).doesNotContain("login");
            assertThat(codesLeft(token)).isEqualTo(10 - used);
        }
    }

    @Test
    void theAuditTrailRecordsIssuedAndUsedCodesButNeverACode() {
        String user = TestUsers.create(ladder, "LAWYER");
        Factor factor = totp.activate(user);
        PageSession browser = new PageSession(restTemplate.getRootUri());
        browser.login(user, TestUsers.PASSWORD);
        browser.enterCode(factor.codes().get(2));

        List<Map<String, Object>> entries = jdbc.sql("""
                        select action, target, detail from audit_log where actor = :u
                        and action in ('TOTP_RECOVERY_CODES_ISSUED', 'TOTP_RECOVERY_CODE_USED') order by seq""")
                .param("u", user).query().listOfRows();
        assertThat(entries).extracting(e -> e.get("action")).containsExactly("TOTP_RECOVERY_CODES_ISSUED", "TOTP_RECOVERY_CODE_USED");
        assertThat(entries).allSatisfy(e -> assertThat(e.get("target")).isEqualTo("user " + user));
        assertThat(entries.get(0).get("detail").toString()).startsWith("10 codes");
        assertThat(entries.get(1).get("detail").toString()).startsWith("at sign-in; 9 unused left");
        String everything = jdbc.sql("select * from audit_log where actor = :u").param("u", user).query().listOfRows().toString();
        for (String code : factor.codes()) {
            assertThat(everything).doesNotContain(code).doesNotContain(code.replace("-", ""));
        }
        assertThat(ladder.read(ladder.rest().getForEntity("/api/admin/audit/verify", String.class).getBody())
                .get("intact").asBoolean()).isTrue();
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    /** Signed in on the pages with the current app code (the confirmation used the previous one). */
    private PageSession signIn(String user, Factor factor) {
        PageSession browser = new PageSession(restTemplate.getRootUri());
        browser.login(user, TestUsers.PASSWORD);
        assertThat(PageSession.location(browser.enterCode(TotpTestCodes.stepsFromNow(factor.secret(), 0)))).doesNotContain("login");
        return browser;
    }

    /** A token made with the password while the account has no second factor yet: afterwards the API's only way in. */
    private String createToken(String user) {
        return requests.createToken(user, "{\"name\": \"recovery test\"}").get("token").asText();
    }

    private int codesLeft(String token) {
        JsonNode status = ladder.read(requests.bearer(token, HttpMethod.GET, "/api/me/totp", null).getBody());
        assertThat(status.get("status").asText()).isEqualTo("ACTIVE");
        return status.get("recoveryCodesLeft").asInt();
    }

    private static List<String> codesOn(String page) {
        List<String> codes = new ArrayList<>();
        Matcher m = ON_PAGE.matcher(page);
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }

    private List<String> hashes(String user) {
        return jdbc.sql("select code_hash from totp_recovery_code where username = :u order by code_hash").param("u", user)
                .query(String.class).list();
    }
}
