package kz.shagym.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.shagym.LadderHarness;
import kz.shagym.ShagymIntegrationTest;
import kz.shagym.security.LoginThrottle;
import kz.shagym.security.PageSession;
import kz.shagym.security.TestUsers;
import kz.shagym.security.TotpFactors;
import kz.shagym.security.UserRequests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * /admin/users and the password pages over real HTTP, as an administrator and the people whose accounts they manage
 * use them: each change, each rule (the last administrator, one's own account), the forced new password after a
 * temporary one, a disabled account refused on the form, by Basic and by token, sessions that end, and the audit trail.
 */
public class UserAdministrationPageTest extends ShagymIntegrationTest {

    private static final Pattern ONE_TIME = Pattern.compile("id=\"one-time-password\"[^>]*value=\"([^\"]+)\"");

    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private LoginThrottle throttle;

    @AfterEach
    void unthrottle() {
        throttle.reset();
    }

    // ---- who may ------------------------------------------------------------------------------------------------

    @Test
    void aLawyerIsRefusedTheUsersPageAndTheRefusalIsAudited() {
        String lawyer = TestUsers.create(ladder, "LAWYER");
        PageSession browser = signedIn(lawyer, TestUsers.PASSWORD);
        long before = lastSeq();

        HttpResponse<String> page = browser.get("/admin/users");

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(audit(before, "ACCESS_DENIED")).singleElement().satisfies(row ->
                assertThat(row).containsEntry("actor", lawyer).containsEntry("target", "GET /admin/users"));
        assertThat(browser.get("/board").body()).as("no menu link for those who may not").doesNotContain("href=\"/admin/users\"");
    }

    @Test
    void theUsersPageListsEveryAccountInThePageLanguage() {
        String staff = TestUsers.create(ladder, "STAFF");
        PageSession admin = admin();
        String page = admin.get("/admin/users").body();
        assertThat(page).contains("href=\"/admin/users\"").contains("Пользователи");
        String row = row(page, staff);
        assertThat(row).contains("Сотрудник").contains("русский").contains(staff + "@example.org").contains("разрешён")
                .contains("выключен").contains("ещё не входил(а)").doesNotContain(">STAFF<").doesNotContain(">ru<");

        signedIn(staff, TestUsers.PASSWORD);
        String kk = admin.get("/admin/users?lang=kk").body();
        assertThat(row(kk, staff)).contains("Қызметкер").contains("орыс тілі").contains("рұқсат етілген")
                .containsPattern("\\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2}"); // the sign-in just made, Almaty time
    }

    // ---- creating -------------------------------------------------------------------------------------------------

    @Test
    void anAdministratorCreatesALawyerWithAGeneratedPasswordShownOnceWhichTheLawyerReplacesAtTheFirstSignIn() {
        PageSession admin = admin();
        String username = "lawyer-" + UUID.randomUUID().toString().substring(0, 8);
        long before = lastSeq();

        String oneTime = createOnThePage(admin, username, "Жанибеков Арман", username + "@example.org", "LAWYER", "kk", "");

        assertThat(oneTime).matches("[a-z2-9]{4}(-[a-z2-9]{4}){3}");
        assertThat(admin.get("/admin/users/" + username).body()).as("shown once").doesNotContain(oneTime).contains("Юрист");
        assertThat(audit(before, "USER_CREATED")).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("actor", LadderHarness.ADMIN).containsEntry("target", "user " + username);
            assertThat((String) row.get("detail")).contains("LAWYER").contains("generated").doesNotContain(oneTime);
        });

        PageSession lawyer = new PageSession(restTemplate.getRootUri());
        assertThat(PageSession.location(lawyer.login(username, oneTime))).isEqualTo("/");
        HttpResponse<String> anyPage = lawyer.get("/my/deadlines");
        assertThat(PageSession.location(anyPage)).as("nothing before the new password").isEqualTo("/my/password/new");
        assertThat(PageSession.location(lawyer.get("/my/account"))).isEqualTo("/my/password/new");
        String newPassword = "lawyers-own-password";
        HttpResponse<String> chosen = chooseNewPassword(lawyer, newPassword);
        assertThat(PageSession.location(chosen)).isEqualTo("/board");
        assertThat(lawyer.get("/board").statusCode()).isEqualTo(200);
        assertThat(lawyer.get("/my/password/new").statusCode()).as("done: the step is gone").isEqualTo(302);
        assertThat(new PageSession(restTemplate.getRootUri()).login(username, oneTime).headers().firstValue("Location").orElse(""))
                .as("the one-time password is spent").endsWith("/login?error");
        assertThat(restTemplate.withBasicAuth(username, newPassword).getForEntity("/api/clock", String.class).getStatusCode().value())
                .isEqualTo(200);
        assertThat(audit(before, "PASSWORD_CHANGED")).singleElement().satisfies(row ->
                assertThat((String) row.get("detail")).doesNotContain(newPassword).contains("temporary"));
    }

    @Test
    void aRefusedCreationIsTheFormAgainWith400WhatWasTypedExceptThePasswordAndTheReasonNamingTheField() {
        PageSession admin = admin();
        String username = "staff-" + UUID.randomUUID().toString().substring(0, 8);

        HttpResponse<String> shortPassword = admin.submit("/admin/users", "/admin/users", newUser(username, "Серикова Дана",
                "dana@example.org", "STAFF", "ru", "short-pw"));
        assertThat(shortPassword.statusCode()).isEqualTo(400);
        assertThat(shortPassword.body()).contains("Начальный пароль: не короче 10 символов.").contains("value=\"" + username + "\"")
                .contains("value=\"Серикова Дана\"").contains("value=\"dana@example.org\"").doesNotContain("short-pw")
                .contains("id=\"nu-password\" name=\"password\" type=\"password\" maxlength=\"72\" autocomplete=\"new-password\" aria-invalid=\"true\"");
        assertThat(shortPassword.body()).containsPattern("<option value=\"STAFF\" selected=\"selected\">Сотрудник</option>");

        admin.get("/admin/users?lang=kk");
        HttpResponse<String> badName = admin.submit("/admin/users", "/admin/users", newUser("Иван Иванов", "", "not-an-address",
                "STAFF", "ru", ""));
        assertThat(badName.statusCode()).isEqualTo(400);
        assertThat(badName.body()).contains("Пайдаланушы аты: тек латын әріптері").contains("value=\"Иван Иванов\"");

        admin.get("/admin/users?lang=en");
        HttpResponse<String> badMail = admin.submit("/admin/users", "/admin/users", newUser(username, "", "not-an-address",
                "STAFF", "ru", ""));
        assertThat(badMail.body()).contains("E-mail: this is not an e-mail address.");
        HttpResponse<String> badRole = admin.submit("/admin/users", "/admin/users", newUser(username, "", "", "JUDGE", "ru", ""));
        assertThat(badRole.statusCode()).isEqualTo(400);
        assertThat(badRole.body()).contains("Role: choose one of the roles.");

        String taken = TestUsers.create(ladder, "STAFF");
        HttpResponse<String> duplicate = admin.submit("/admin/users", "/admin/users", newUser(taken, "", "", "STAFF", "ru", ""));
        assertThat(duplicate.statusCode()).isEqualTo(400);
        assertThat(duplicate.body()).contains("User name: such a user already exists.");
        assertThat(jdbc.sql("select count(*) from app_user where username = :u").param("u", username).query(Integer.class).single())
                .as("nothing was created").isZero();
    }

    // ---- role, language, sign-in ------------------------------------------------------------------------------------

    @Test
    void aChangedRoleEndsTheUsersSessionsAndIsAudited() {
        String lawyer = TestUsers.create(ladder, "LAWYER");
        PageSession session = signedIn(lawyer, TestUsers.PASSWORD);
        PageSession admin = admin();
        long before = lastSeq();

        HttpResponse<String> changed = admin.submit("/admin/users/" + lawyer, "/admin/users/" + lawyer + "/role", Map.of("role", "COORDINATOR"));

        assertThat(PageSession.location(changed)).isEqualTo("/admin/users/" + lawyer);
        assertThat(admin.get("/admin/users/" + lawyer).body()).contains("Роль изменена").contains("<dd id=\"user-role\">Координатор</dd>");
        assertThat(PageSession.location(session.get("/my/deadlines"))).as("the old role's session is over").isEqualTo("/login?ended");
        assertThat(session.get("/login?ended").body()).contains("Сеанс завершён");
        PageSession again = signedIn(lawyer, TestUsers.PASSWORD);
        assertThat(PageSession.location(again.get("/"))).as("signed in again, as a coordinator").isEqualTo("/board");
        assertThat(audit(before, "USER_ROLE_CHANGED")).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("actor", LadderHarness.ADMIN).containsEntry("target", "user " + lawyer)
                .containsEntry("detail", "LAWYER -> COORDINATOR"));

        HttpResponse<String> bogus = admin.submit("/admin/users/" + lawyer, "/admin/users/" + lawyer + "/role", Map.of("role", "JUDGE"));
        assertThat(bogus.statusCode()).isEqualTo(400);
        assertThat(bogus.body()).contains("Роль: выберите одну из ролей.").contains("aria-describedby=\"role-error\"");
    }

    @Test
    void anAdministratorChangesAUsersLanguage() {
        String staff = TestUsers.create(ladder, "STAFF");
        PageSession admin = admin();
        long before = lastSeq();

        admin.submit("/admin/users/" + staff, "/admin/users/" + staff + "/language", Map.of("language", "kk"));

        assertThat(admin.get("/admin/users/" + staff).body()).contains("<dd id=\"user-language\">казахский</dd>");
        assertThat(ladder.read(restTemplate.withBasicAuth(LadderHarness.ADMIN, LadderHarness.ADMIN_PASSWORD)
                .getForEntity("/api/users", String.class).getBody()).findValues("username").stream().map(JsonNode::asText))
                .contains(staff);
        assertThat(audit(before, "USER_LANGUAGE_CHANGED")).singleElement().satisfies(row ->
                assertThat(row).containsEntry("detail", "ru -> kk"));
        HttpResponse<String> bogus = admin.submit("/admin/users/" + staff, "/admin/users/" + staff + "/language", Map.of("language", "de"));
        assertThat(bogus.statusCode()).isEqualTo(400);
        assertThat(bogus.body()).contains("Язык: выберите русский, казахский или английский.");
    }

    @Test
    void aDisabledAccountCannotSignInOnTheFormByBasicOrByTokenAndItsSessionEnds() {
        String lawyer = TestUsers.create(ladder, "LAWYER");
        UserRequests requests = new UserRequests(restTemplate, ladder);
        String token = requests.createToken(lawyer, "{\"name\": \"script\"}").get("token").asText();
        PageSession session = signedIn(lawyer, TestUsers.PASSWORD);
        PageSession admin = admin();
        long before = lastSeq();

        disable(admin, lawyer);

        assertThat(admin.get("/admin/users/" + lawyer).body()).contains("Вход отключён; сеансы пользователя завершены.")
                .contains("Разрешить вход");
        assertThat(PageSession.location(session.get("/my/deadlines"))).isEqualTo("/login?ended");
        assertThat(PageSession.location(new PageSession(restTemplate.getRootUri()).login(lawyer, TestUsers.PASSWORD)))
                .isEqualTo("/login?error");
        assertThat(requests.get(lawyer, "/api/clock").getStatusCode().value()).as("HTTP Basic").isEqualTo(401);
        ResponseEntity<String> byToken = requests.bearer(token, HttpMethod.GET, "/api/clock", null);
        assertThat(byToken.getStatusCode().value()).isEqualTo(401);
        assertThat(byToken.getBody()).contains("disabled");
        assertThat(audit(before, "USER_DISABLED")).singleElement().satisfies(row ->
                assertThat(row).containsEntry("actor", LadderHarness.ADMIN).containsEntry("target", "user " + lawyer));

        admin.submit("/admin/users/" + lawyer, "/admin/users/" + lawyer + "/enabled", Map.of("enabled", "true"));
        assertThat(audit(before, "USER_ENABLED")).hasSize(1);
        assertThat(requests.get(lawyer, "/api/clock").getStatusCode().value()).isEqualTo(200);
        assertThat(requests.bearer(token, HttpMethod.GET, "/api/clock", null).getStatusCode().value()).isEqualTo(200);
        assertThat(PageSession.location(session.get("/my/deadlines"))).as("an ended session stays ended: it is gone")
                .isEqualTo("/login");
        assertThat(signedIn(lawyer, TestUsers.PASSWORD).get("/my/deadlines").statusCode()).isEqualTo(200);
    }

    // ---- the administrators ----------------------------------------------------------------------------------------

    @Test
    void anAdministratorCannotDisableOrDemoteThemselvesButMayAnotherAdministrator() {
        String first = TestUsers.create(ladder, "ADMIN");
        String second = TestUsers.create(ladder, "ADMIN");
        PageSession admin = signedIn(first, TestUsers.PASSWORD);
        long before = lastSeq();

        HttpResponse<String> disableSelf = admin.submit("/admin/users/" + first, "/admin/users/" + first + "/enabled", Map.of("enabled", "false"));
        assertThat(disableSelf.statusCode()).isEqualTo(400);
        assertThat(disableSelf.body()).contains("Вход в систему: нельзя отключить себя или снять с себя роль администратора.");
        HttpResponse<String> demoteSelf = admin.submit("/admin/users/" + first, "/admin/users/" + first + "/role", Map.of("role", "LAWYER"));
        assertThat(demoteSelf.statusCode()).isEqualTo(400);
        assertThat(demoteSelf.body()).contains("Роль: нельзя отключить себя");
        assertThat(audit(before, "USER_DISABLED")).isEmpty();
        assertThat(audit(before, "USER_ROLE_CHANGED")).isEmpty();

        disable(admin, second);
        assertThat(audit(before, "USER_DISABLED")).singleElement().satisfies(row -> assertThat(row).containsEntry("target", "user " + second));
    }

    @Test
    void theLastEnabledAdministratorCannotBeDisabledOrDemoted() {
        // every other administrator disabled for the moment, so that the bootstrap administrator is the last
        List<String> others = jdbc.sql("select username from app_user where role = 'ADMIN' and enabled = true and username <> :a")
                .param("a", LadderHarness.ADMIN).query(String.class).list();
        jdbc.sql("update app_user set enabled = false where username in (:o)").param("o", others.isEmpty() ? List.of("-") : others).update();
        try {
            PageSession admin = admin();
            String page = "/admin/users/" + LadderHarness.ADMIN;
            HttpResponse<String> demote = admin.submit(page, page + "/role", Map.of("role", "COORDINATOR"));
            assertThat(demote.statusCode()).isEqualTo(400);
            assertThat(demote.body()).contains("Роль: это последний действующий администратор");
            HttpResponse<String> disable = admin.submit(page, page + "/enabled", Map.of("enabled", "false"));
            assertThat(disable.body()).contains("Вход в систему: это последний действующий администратор");
            ResponseEntity<String> api = restTemplate.withBasicAuth(LadderHarness.ADMIN, LadderHarness.ADMIN_PASSWORD).exchange(
                    "/api/users/" + LadderHarness.ADMIN, HttpMethod.PATCH, new HttpEntity<>("{\"enabled\": false}", LadderHarness.jsonHeaders()),
                    String.class);
            assertThat(api.getStatusCode().value()).isEqualTo(409);
            assertThat(api.getBody()).contains("last enabled administrator");
            assertThat(jdbc.sql("select role || ':' || enabled from app_user where username = :a").param("a", LadderHarness.ADMIN)
                    .query(String.class).single()).isIn("ADMIN:TRUE", "ADMIN:true");
        } finally {
            if (!others.isEmpty()) {
                jdbc.sql("update app_user set enabled = true where username in (:o)").param("o", others).update();
            }
        }
    }

    // ---- passwords --------------------------------------------------------------------------------------------------

    @Test
    void aResetPasswordEndsTheSessionsAndMustBeReplacedAtTheNextSignInBeforeAnythingElse() {
        String lawyer = TestUsers.create(ladder, "LAWYER");
        PageSession session = signedIn(lawyer, TestUsers.PASSWORD);
        PageSession admin = admin();
        long before = lastSeq();
        String temporary = "temporary-password-42";

        HttpResponse<String> reset = admin.submit("/admin/users/" + lawyer, "/admin/users/" + lawyer + "/password-reset",
                Map.of("password", temporary));

        assertThat(PageSession.location(reset)).isEqualTo("/admin/users/" + lawyer);
        assertThat(admin.get("/admin/users/" + lawyer).body()).contains("Пароль сброшен").contains("ждёт нового пароля")
                .doesNotContain("one-time-password");
        assertThat(PageSession.location(session.get("/my/deadlines"))).isEqualTo("/login?ended");
        assertThat(PageSession.location(new PageSession(restTemplate.getRootUri()).login(lawyer, TestUsers.PASSWORD)))
                .as("the old password is gone").isEqualTo("/login?error");
        ResponseEntity<String> basic = restTemplate.withBasicAuth(lawyer, temporary).getForEntity("/api/complaints", String.class);
        assertThat(basic.getStatusCode().value()).as("a temporary password opens nothing on the API either").isEqualTo(403);
        assertThat(basic.getBody()).contains("choose a new one first");

        PageSession next = signedIn(lawyer, temporary);
        assertThat(PageSession.location(next.get("/board"))).isEqualTo("/my/password/new");
        HttpResponse<String> form = next.get("/my/password/new");
        assertThat(form.body()).contains("Выберите новый пароль").contains("for=\"new-password\"").contains("for=\"new-password-again\"");
        HttpResponse<String> differ = next.submit("/my/password/new", "/my/password/new",
                Map.of("newPassword", "my-new-password-1", "newPasswordAgain", "my-new-password-2"));
        assertThat(differ.statusCode()).isEqualTo(400);
        assertThat(differ.body()).contains("Новый пароль ещё раз: не совпадает с новым паролем.").doesNotContain("my-new-password");
        HttpResponse<String> same = next.submit("/my/password/new", "/my/password/new",
                Map.of("newPassword", temporary, "newPasswordAgain", temporary));
        assertThat(same.body()).contains("Новый пароль: должен отличаться от прежнего.");
        assertThat(PageSession.location(chooseNewPassword(next, "my-new-password-1"))).isEqualTo("/board");
        assertThat(next.get("/my/deadlines").statusCode()).isEqualTo(200);

        assertThat(audit(before, "PASSWORD_RESET")).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("actor", LadderHarness.ADMIN).containsEntry("target", "user " + lawyer);
            assertThat((String) row.get("detail")).doesNotContain(temporary);
        });
        assertThat(jdbc.sql("select count(*) from audit_log where seq > :s and (detail like :p or detail like :q)")
                .param("s", before).param("p", "%" + temporary + "%").param("q", "%my-new-password%").query(Integer.class).single())
                .as("no password anywhere in the audit trail").isZero();
    }

    @Test
    void aPasswordResetBetweenThePasswordAndTheCodeStepEndsTheSessionTheCodeOpens() {
        String lawyer = TestUsers.create(ladder, "LAWYER");
        TotpFactors.Factor factor = new TotpFactors(new UserRequests(restTemplate, ladder), ladder).activate(lawyer);
        PageSession browser = new PageSession(restTemplate.getRootUri());
        assertThat(PageSession.location(browser.login(lawyer, TestUsers.PASSWORD))).isEqualTo("/login/totp");

        admin().submit("/admin/users/" + lawyer, "/admin/users/" + lawyer + "/password-reset", Map.of("password", "temporary-password-77"));
        HttpResponse<String> code = browser.enterCode(factor.codes().get(0));

        assertThat(PageSession.location(code)).isEqualTo("/");
        assertThat(PageSession.location(browser.get("/my/deadlines"))).as("the old password's session").isEqualTo("/login?ended");
    }

    @Test
    void aGeneratedTemporaryPasswordIsShownOnceToTheAdministrator() {
        String staff = TestUsers.create(ladder, "STAFF");
        PageSession admin = admin();
        admin.submit("/admin/users/" + staff, "/admin/users/" + staff + "/password-reset", Map.of("password", ""));
        String page = admin.get("/admin/users/" + staff).body();
        String generated = oneTimePassword(page);
        assertThat(admin.get("/admin/users/" + staff).body()).doesNotContain(generated);
        PageSession user = signedIn(staff, generated);
        assertThat(PageSession.location(user.get("/"))).isEqualTo("/my/password/new");
    }

    @Test
    void anAdministratorResetsALostSecondFactor() {
        String lawyer = TestUsers.create(ladder, "LAWYER");
        new TotpFactors(new UserRequests(restTemplate, ladder), ladder).activate(lawyer);
        PageSession admin = admin();
        assertThat(admin.get("/admin/users/" + lawyer).body()).contains("<dd id=\"user-totp\">включён</dd>");
        long before = lastSeq();

        admin.submit("/admin/users/" + lawyer, "/admin/users/" + lawyer + "/totp-reset", Map.of());

        assertThat(admin.get("/admin/users/" + lawyer).body()).contains("Второй фактор сброшен.").contains("<dd id=\"user-totp\">выключен</dd>");
        assertThat(audit(before, "TOTP_RESET")).singleElement().satisfies(row -> assertThat(row).containsEntry("actor", LadderHarness.ADMIN));
        assertThat(PageSession.location(new PageSession(restTemplate.getRootUri()).login(lawyer, TestUsers.PASSWORD)))
                .as("the password alone signs in again").isEqualTo("/");
    }

    @Test
    void aUserChangesTheirOwnPasswordThisSessionStaysTheOthersEndAndTokensKeepWorking() {
        String lawyer = TestUsers.create(ladder, "LAWYER");
        UserRequests requests = new UserRequests(restTemplate, ladder);
        String token = requests.createToken(lawyer, "{\"name\": \"script\"}").get("token").asText();
        PageSession here = signedIn(lawyer, TestUsers.PASSWORD);
        PageSession elsewhere = signedIn(lawyer, TestUsers.PASSWORD);
        assertThat(here.get("/my/account").body()).contains("Личные API-токены продолжат действовать");
        long before = lastSeq();

        HttpResponse<String> tooShort = here.submit("/my/account", "/my/password", Map.of("currentPassword", TestUsers.PASSWORD,
                "newPassword", "short", "newPasswordAgain", "short"));
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(tooShort.body()).contains("Новый пароль: не короче 10 символов.").contains("Личные API-токены");
        String cyrillic = "пароль-из-сорока-кириллических-букв-для-проверки";
        HttpResponse<String> tooLong = here.submit("/my/account", "/my/password", Map.of("currentPassword", TestUsers.PASSWORD,
                "newPassword", cyrillic, "newPasswordAgain", cyrillic));
        assertThat(tooLong.body()).contains("Новый пароль: не длиннее 72 байт");
        HttpResponse<String> wrong = here.submit("/my/account", "/my/password", Map.of("currentPassword", "not-my-password",
                "newPassword", "lawyers-new-password", "newPasswordAgain", "lawyers-new-password"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("Текущий пароль: неверный.").contains("id=\"current-password\"")
                .doesNotContain("not-my-password").doesNotContain("lawyers-new-password");
        assertThat(audit(before, "LOGIN_FAILURE")).as("a wrong current password is a failed login").hasSize(1);

        HttpResponse<String> changed = here.submit("/my/account", "/my/password", Map.of("currentPassword", TestUsers.PASSWORD,
                "newPassword", "lawyers-new-password", "newPasswordAgain", "lawyers-new-password"));
        assertThat(PageSession.location(changed)).isEqualTo("/my/account");
        assertThat(here.get("/my/account").body()).contains("Пароль изменён.");
        assertThat(here.get("/my/deadlines").statusCode()).as("this session stays").isEqualTo(200);
        assertThat(PageSession.location(elsewhere.get("/my/deadlines"))).as("the others end").isEqualTo("/login?ended");
        assertThat(requests.bearer(token, HttpMethod.GET, "/api/clock", null).getStatusCode().value()).isEqualTo(200);
        assertThat(requests.get(lawyer, "/api/clock").getStatusCode().value()).as("the old password").isEqualTo(401);
        assertThat(restTemplate.withBasicAuth(lawyer, "lawyers-new-password").getForEntity("/api/clock", String.class)
                .getStatusCode().value()).isEqualTo(200);
        assertThat(audit(before, "PASSWORD_CHANGED")).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("actor", lawyer);
            assertThat((String) row.get("detail")).doesNotContain("lawyers-new-password");
        });
    }

    @Test
    void wrongCurrentPasswordsCountInTheLoginThrottle() {
        String lawyer = TestUsers.create(ladder, "LAWYER");
        PageSession here = signedIn(lawyer, TestUsers.PASSWORD);
        for (int i = 0; i < 5; i++) {
            here.submit("/my/account", "/my/password", Map.of("currentPassword", "guess-number-" + i,
                    "newPassword", "lawyers-new-password", "newPasswordAgain", "lawyers-new-password"));
        }
        HttpResponse<String> throttled = here.submit("/my/account", "/my/password", Map.of("currentPassword", TestUsers.PASSWORD,
                "newPassword", "lawyers-new-password", "newPasswordAgain", "lawyers-new-password"));
        assertThat(throttled.statusCode()).isEqualTo(400);
        assertThat(throttled.body()).contains("Текущий пароль: слишком много неверных попыток");
        assertThat(new PageSession(restTemplate.getRootUri()).login(lawyer, TestUsers.PASSWORD).statusCode())
                .as("the sign-in is throttled too").isEqualTo(429);
    }

    // ---- the same over the API ------------------------------------------------------------------------------------

    @Test
    void theApiChangesRoleLanguageAndSignInResetsAPasswordAndChangesOnesOwn() {
        String staff = TestUsers.create(ladder, "STAFF");
        var admin = restTemplate.withBasicAuth(LadderHarness.ADMIN, LadderHarness.ADMIN_PASSWORD);
        ResponseEntity<String> patched = admin.exchange("/api/users/" + staff, HttpMethod.PATCH,
                new HttpEntity<>("{\"role\": \"COORDINATOR\", \"language\": \"en\"}", LadderHarness.jsonHeaders()), String.class);
        assertThat(patched.getStatusCode().value()).as(patched.getBody()).isEqualTo(200);
        assertThat(ladder.read(patched.getBody()).get("role").asText()).isEqualTo("COORDINATOR");
        assertThat(ladder.read(patched.getBody()).get("language").asText()).isEqualTo("en");
        ResponseEntity<String> wrongType = admin.exchange("/api/users/" + staff, HttpMethod.PATCH,
                new HttpEntity<>("{\"enabled\": \"no\"}", LadderHarness.jsonHeaders()), String.class);
        assertThat(wrongType.getStatusCode().value()).isEqualTo(400);
        assertThat(admin.exchange("/api/users/nobody-" + UUID.randomUUID(), HttpMethod.PATCH,
                new HttpEntity<>("{\"enabled\": false}", LadderHarness.jsonHeaders()), String.class).getStatusCode().value()).isEqualTo(404);

        ResponseEntity<String> reset = admin.postForEntity("/api/users/" + staff + "/password-reset",
                new HttpEntity<>("{}", LadderHarness.jsonHeaders()), String.class);
        assertThat(reset.getStatusCode().value()).isEqualTo(200);
        String temporary = ladder.read(reset.getBody()).get("temporaryPassword").asText();
        var asStaff = restTemplate.withBasicAuth(staff, temporary);
        assertThat(asStaff.getForEntity("/api/clock", String.class).getStatusCode().value()).isEqualTo(403);
        ResponseEntity<String> own = asStaff.postForEntity("/api/me/password", new HttpEntity<>(
                "{\"currentPassword\": \"%s\", \"newPassword\": \"staff-chosen-password\"}".formatted(temporary),
                LadderHarness.jsonHeaders()), String.class);
        assertThat(own.getStatusCode().value()).as(own.getBody()).isEqualTo(204);
        var withNew = restTemplate.withBasicAuth(staff, "staff-chosen-password");
        assertThat(withNew.getForEntity("/api/clock", String.class).getStatusCode().value()).isEqualTo(200);
        ResponseEntity<String> wrongCurrent = withNew.postForEntity("/api/me/password", new HttpEntity<>(
                "{\"currentPassword\": \"not-it-at-all\", \"newPassword\": \"another-password-1\"}", LadderHarness.jsonHeaders()), String.class);
        assertThat(wrongCurrent.getStatusCode().value()).isEqualTo(400);
        assertThat(ladder.read(wrongCurrent.getBody()).get("field").asText()).isEqualTo("currentPassword");

        UserRequests requests = new UserRequests(restTemplate, ladder);
        String token = restTemplate.withBasicAuth(staff, "staff-chosen-password").postForEntity("/api/me/tokens",
                new HttpEntity<>("{\"name\": \"script\"}", LadderHarness.jsonHeaders()), String.class).getBody();
        ResponseEntity<String> byToken = requests.bearer(ladder.read(token).get("token").asText(), HttpMethod.POST, "/api/me/password",
                "{\"currentPassword\": \"staff-chosen-password\", \"newPassword\": \"another-password-1\"}");
        assertThat(byToken.getStatusCode().value()).as("a token does not replace the password").isEqualTo(403);
    }

    // ---- steps another test can take ------------------------------------------------------------------------------

    /** Creates a user on the page as the signed-in administrator; returns the generated one-time password, if asked for. */
    public static String createOnThePage(PageSession admin, String username, String fullName, String email, String role, String language,
                                  String password) {
        HttpResponse<String> created = admin.submit("/admin/users", "/admin/users", newUser(username, fullName, email, role, language, password));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        assertThat(PageSession.location(created)).isEqualTo("/admin/users/" + username);
        String page = admin.get("/admin/users/" + username).body();
        assertThat(page).contains("Пользователь создан.");
        return password.isEmpty() ? oneTimePassword(page) : password;
    }

    /** The step after a temporary password: the new one, twice. */
    public static HttpResponse<String> chooseNewPassword(PageSession user, String newPassword) {
        return user.submit("/my/password/new", "/my/password/new", Map.of("newPassword", newPassword, "newPasswordAgain", newPassword));
    }

    private static Map<String, String> newUser(String username, String fullName, String email, String role, String language,
                                               String password) {
        return Map.of("username", username, "fullName", fullName, "email", email, "role", role, "language", language,
                "password", password);
    }

    private static String oneTimePassword(String page) {
        Matcher m = ONE_TIME.matcher(page);
        assertThat(m.find()).as("a one-time password on the page").isTrue();
        return m.group(1);
    }

    private void disable(PageSession admin, String username) {
        HttpResponse<String> done = admin.submit("/admin/users/" + username, "/admin/users/" + username + "/enabled", Map.of("enabled", "false"));
        assertThat(PageSession.location(done)).as(done.body()).isEqualTo("/admin/users/" + username);
    }

    private PageSession admin() {
        return signedIn(LadderHarness.ADMIN, LadderHarness.ADMIN_PASSWORD);
    }

    private PageSession signedIn(String username, String password) {
        PageSession browser = new PageSession(restTemplate.getRootUri());
        HttpResponse<String> login = browser.login(username, password);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(PageSession.location(login)).doesNotContain("error");
        return browser;
    }

    private static String row(String page, String username) {
        int start = page.indexOf("data-user=\"" + username + "\"");
        assertThat(start).as(username + " is listed").isPositive();
        return page.substring(start, page.indexOf("</tr>", start));
    }

    private long lastSeq() {
        return jdbc.sql("select seq from audit_head where id = 1").query(Long.class).single();
    }

    private List<Map<String, Object>> audit(long since, String action) {
        return jdbc.sql("select actor, target, detail from audit_log where seq > :s and action = :a order by seq")
                .param("s", since).param("a", action).query().listOfRows();
    }
}
