package kz.shagym.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.shagym.ShagymIntegrationTest;
import kz.shagym.security.LoginThrottle;
import kz.shagym.security.PageSession;
import kz.shagym.security.TestUsers;
import kz.shagym.security.TotpFactors;
import kz.shagym.security.TotpTestCodes;
import kz.shagym.security.UserRequests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/** The account page: a person sets up the second factor and makes API tokens there, over real HTTP. */
class AccountPageTest extends ShagymIntegrationTest {

    @Autowired
    private LoginThrottle throttle;

    @AfterEach
    void unthrottle() {
        throttle.reset();
    }

    @Test
    void aUserTurnsOnTheSecondFactorFromTheAccountPage() throws Exception {
        String user = TestUsers.create(ladder, "LAWYER");
        PageSession browser = new PageSession(restTemplate.getRootUri());
        browser.login(user, TestUsers.PASSWORD);
        assertThat(browser.get("/my/account").body()).contains("Настроить");

        browser.submit("/my/account", "/my/totp/enroll", Map.of());
        String page = browser.get("/my/account").body();
        String secret = value(page, "totp-secret");
        assertThat(value(page, "totp-uri")).startsWith("otpauth://totp/Shagym:" + user + "?secret=" + secret);
        assertThat(page).contains("id=\"totp-qr\" class=\"qr\" role=\"img\" aria-label=\"QR-код ключа");
        assertThat(QrCodeSvgTest.decoded(page.substring(page.indexOf("id=\"totp-qr\""))))
                .as("the QR code on the page is the link beside it").isEqualTo(value(page, "totp-uri"));

        HttpResponse<String> wrong = browser.submit("/my/account", "/my/totp/confirm", Map.of("code", TotpTestCodes.wrong(secret)));
        assertThat(wrong.statusCode()).as("a refused form is a 400, not a redirect").isEqualTo(400);
        assertThat(wrong.body()).contains("Код неверный").contains("totp-secret");
        TotpTestCodes.awaitFreshStep();
        browser.submit("/my/account", "/my/totp/confirm", Map.of("code", TotpTestCodes.stepsFromNow(secret, -1)));
        assertThat(browser.get("/my/account").body()).contains("Второй фактор включён.").doesNotContain("totp-secret");

        PageSession later = new PageSession(restTemplate.getRootUri());
        assertThat(PageSession.location(later.login(user, TestUsers.PASSWORD))).isEqualTo("/login/totp");
        assertThat(PageSession.location(later.enterCode(TotpTestCodes.stepsFromNow(secret, 0)))).doesNotContain("login");
        assertThat(later.get("/my/account").statusCode()).isEqualTo(200);
    }

    @Test
    void theAccountPageShowsTheRecoveryCodesOnceAfterActivationAndThenHowManyAreLeft() {
        String user = TestUsers.create(ladder, "LAWYER");
        PageSession browser = new PageSession(restTemplate.getRootUri());
        browser.login(user, TestUsers.PASSWORD);
        browser.submit("/my/account", "/my/totp/enroll", Map.of());
        String secret = value(browser.get("/my/account").body(), "totp-secret");
        TotpTestCodes.awaitFreshStep();

        HttpResponse<String> confirmed = browser.submit("/my/account", "/my/totp/confirm",
                Map.of("code", TotpTestCodes.stepsFromNow(secret, -1)));
        assertThat(PageSession.location(confirmed)).isEqualTo("/my/account");
        String page = browser.get("/my/account").body();
        List<String> codes = recoveryCodes(page);
        assertThat(codes).hasSize(10).doesNotHaveDuplicates();
        assertThat(page).contains("Второй фактор включён.", "Ваши коды восстановления", "показаны один раз",
                "Неиспользованных кодов восстановления: 10.");
        String again = browser.get("/my/account").body();
        assertThat(recoveryCodes(again)).as("shown once").isEmpty();
        assertThat(again).doesNotContain(codes.get(0)).contains("Неиспользованных кодов восстановления: 10.")
                .contains("Выпустить новые коды восстановления");

        PageSession phoneLost = new PageSession(restTemplate.getRootUri());
        phoneLost.login(user, TestUsers.PASSWORD);
        assertThat(PageSession.location(phoneLost.enterCode(codes.get(0)))).doesNotContain("login");
        assertThat(phoneLost.get("/my/account").body()).contains("Неиспользованных кодов восстановления: 9.")
                .doesNotContain("осталось мало");
        assertThat(phoneLost.get("/my/account?lang=en").body()).contains("Unused recovery codes: 9.");

        HttpResponse<String> off = phoneLost.submit("/my/account", "/my/totp/disable", Map.of("code", codes.get(1)));
        assertThat(PageSession.location(off)).as("a recovery code turns the factor off on the page too").isEqualTo("/my/account");
        assertThat(phoneLost.get("/my/account").body()).contains("Second factor turned off.").doesNotContain("Unused recovery codes");
    }

    @Test
    void theAccountPageWarnsWhenFewRecoveryCodesAreLeft() {
        String user = TestUsers.create(ladder, "LAWYER");
        List<String> codes = activateOverApi(user).codes();
        assertThat(codes).hasSize(10);
        PageSession browser = null;
        for (String code : codes.subList(0, 7)) {
            browser = new PageSession(restTemplate.getRootUri());
            browser.login(user, TestUsers.PASSWORD);
            assertThat(PageSession.location(browser.enterCode(code))).doesNotContain("login");
        }
        assertThat(browser.get("/my/account").body()).contains("Неиспользованных кодов восстановления: 3.")
                .contains("Кодов восстановления осталось мало.");
    }

    @Test
    void aTotpUserMakesAnApiTokenOnThePageSeesItOnceAndRevokesIt() {
        String user = TestUsers.create(ladder, "LAWYER");
        String secret = activateOverApi(user).secret();
        PageSession browser = new PageSession(restTemplate.getRootUri());
        browser.login(user, TestUsers.PASSWORD);
        browser.enterCode(TotpTestCodes.stepsFromNow(secret, 0));

        HttpResponse<String> created = browser.submit("/my/account", "/my/tokens", Map.of("name", "mail merge", "expiresInDays", "30"));
        assertThat(PageSession.location(created)).isEqualTo("/my/account");
        String page = browser.get("/my/account").body();
        String token = value(page, "new-token");
        assertThat(token).startsWith("shg_");
        assertThat(page).contains("mail merge").contains("не использовался");
        assertThat(browser.get("/my/account").body()).as("shown once").doesNotContain(token);

        assertThat(requests().bearer(token, HttpMethod.GET, "/api/complaints?limit=1", null).getStatusCode().value())
                .isEqualTo(200);

        HttpResponse<String> unnamed = browser.submit("/my/account", "/my/tokens", Map.of("name", " ", "expiresInDays", "30"));
        assertThat(unnamed.statusCode()).isEqualTo(400);
        assertThat(unnamed.body()).containsPattern("id=\"token-name\"[^>]*aria-invalid=\"true\"").contains("Укажите название");
        HttpResponse<String> forever = browser.submit("/my/account", "/my/tokens", Map.of("name", "forever", "expiresInDays", "5000"));
        assertThat(forever.statusCode()).isEqualTo(400);
        assertThat(forever.body()).containsPattern("id=\"token-days\"[^>]*aria-invalid=\"true\"").contains("от 1 до 365 дней");
        assertThat(browser.get("/my/account").body()).as("nothing made by a refused form").doesNotContain("forever");

        Matcher revoke = Pattern.compile("action=\"(/my/tokens/[0-9a-f-]+/revoke)\"").matcher(browser.get("/my/account").body());
        assertThat(revoke.find()).isTrue();
        browser.submit("/my/account", revoke.group(1), Map.of());
        assertThat(browser.get("/my/account").body()).contains("Токен отозван.").doesNotContain("mail merge");
        assertThat(requests().bearer(token, HttpMethod.GET, "/api/complaints?limit=1", null).getStatusCode().value())
                .isEqualTo(401);
    }

    private static List<String> recoveryCodes(String page) {
        List<String> codes = new java.util.ArrayList<>();
        Matcher m = Pattern.compile("<code>([a-z2-9]{5}-[a-z2-9]{5})</code>").matcher(page);
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }

    /** Turns the second factor on over the API, as a script would: the secret, and the recovery codes it answered. */
    private TotpFactors.Factor activateOverApi(String user) {
        return new TotpFactors(requests(), ladder).activate(user);
    }

    private UserRequests requests() {
        return new UserRequests(restTemplate, ladder);
    }

    private static String value(String page, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*value=\"([^\"]*)\"").matcher(page);
        assertThat(m.find()).as(id + " on the page").isTrue();
        return m.group(1).replace("&amp;", "&");
    }
}
