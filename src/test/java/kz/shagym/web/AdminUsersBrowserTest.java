package kz.shagym.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Pattern;
import kz.shagym.LadderHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In a real browser, an administrator opens Users from the menu and creates a lawyer, a staff member and a
 * coordinator, each with a generated one-time password; the new lawyer signs in with it, is made to choose a password
 * of their own, and lands on the board — in Russian, and in Kazakh. The steps are static methods on a Playwright page,
 * for journey tests that need new users made the way an administrator makes them. Screenshots go to
 * target/screenshots/admin-users-*.png.
 */
public class AdminUsersBrowserTest extends BrowserTestSupport {

    /** A user as the administrator types it on the form. */
    public record NewUser(String username, String fullName, String email, String role, String language) {}

    @LocalServerPort
    private int port;
    private BrowserContext context;
    private Page page;

    @BeforeEach
    void newSession() {
        context = newContext("ru-RU");
        page = context.newPage();
    }

    @AfterEach
    void closeSession() {
        context.close();
    }

    @Test
    void anAdministratorCreatesThreeUsersAndTheNewLawyerChoosesAPasswordAndLandsOnTheBoardInRussian() {
        String base = url("");
        signIn(page, base, LadderHarness.ADMIN, LadderHarness.ADMIN_PASSWORD);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Пользователи")).click();
        assertThat(page.locator("h1")).hasText("Пользователи");

        NewUser lawyer = new NewUser(unique("lawyer"), "Абенова Гульнара Маратовна", "g.abenova@example.org", "LAWYER", "ru");
        String lawyerPassword = createUser(page, base, lawyer);
        assertThat(page.locator("#user-role")).hasText("Юрист");
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("created-ru.png")).setFullPage(true));
        createUser(page, base, new NewUser(unique("staff"), "Ким Олег", "o.kim@example.org", "STAFF", "ru"));
        assertThat(page.locator("#user-role")).hasText("Сотрудник");
        createUser(page, base, new NewUser(unique("coord"), "Садыкова Асель", "a.sadykova@example.org", "COORDINATOR", "kk"));
        assertThat(page.locator("#user-role")).hasText("Координатор");

        page.navigate(url("/admin/users"));
        assertThat(page.locator("tr[data-user='" + lawyer.username() + "'] td.role")).hasText("Юрист");
        assertThat(page.locator("tr[data-user='" + lawyer.username() + "'] td.state")).containsText("ждёт нового пароля");
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("list-ru.png")).setFullPage(true));
        signOut(page);

        signIn(page, base, lawyer.username(), lawyerPassword);
        assertThat(page).hasURL(Pattern.compile(".*/my/password/new$"));
        assertThat(page.locator("h1")).hasText("Выберите новый пароль");
        page.locator("#new-password").fill("мой-пароль-2026");
        page.locator("#new-password-again").fill("мой-пароль-2025");
        page.locator("#new-password-again").press("Enter"); // keyboard only
        assertThat(page.locator("#newPasswordAgain-error")).hasText("Новый пароль ещё раз: не совпадает с новым паролем.");
        assertThat(page.locator("#new-password-again")).hasAttribute("aria-invalid", "true");
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("new-password-ru.png")).setFullPage(true));
        chooseNewPassword(page, "мой-пароль-2026");
        assertThat(page).hasURL(Pattern.compile(".*/board$"));
        assertThat(page.locator("h1")).hasText("Доска дел");
        signOut(page);
        signIn(page, base, lawyer.username(), "мой-пароль-2026");
        assertThat(page).hasURL(Pattern.compile(".*/my/deadlines$"));

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Мой аккаунт")).click();
        assertThat(page.locator("#password-help")).containsText("Личные API-токены продолжат действовать");
        page.getByLabel("Текущий пароль").fill("мой-пароль-2026");
        page.getByLabel("Новый пароль", new Page.GetByLabelOptions().setExact(true)).fill("другой-пароль-2027");
        page.getByLabel("Новый пароль ещё раз").fill("другой-пароль-2027");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Сменить пароль")).click();
        assertThat(page.locator("#password-heading ~ p.notice")).hasText("Пароль изменён. Этот сеанс продолжается, остальные ваши сеансы завершены.");
        page.locator("#password-heading").scrollIntoViewIfNeeded();
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("account-password-ru.png")).setFullPage(true));
    }

    @Test
    void theSameInKazakh() {
        String base = url("");
        page.navigate(url("/login?lang=kk"));
        signIn(page, base, LadderHarness.ADMIN, LadderHarness.ADMIN_PASSWORD);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Пайдаланушылар")).click();
        assertThat(page.locator("html")).hasAttribute("lang", "kk");
        assertThat(page.locator("h1")).hasText("Пайдаланушылар");

        String refusedName = unique("qate");
        page.locator("#nu-username").fill(refusedName);
        page.locator("#nu-fullName").fill("Қасымова Әсел");
        page.locator("#nu-password").fill("қысқа");
        page.locator("#new-user-form button[type=submit]").click();
        assertThat(page.locator("#password-error")).hasText("Бастапқы құпиясөз: кемінде 10 таңба болуы керек.");
        assertThat(page.locator("#nu-password")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#nu-username")).hasValue(refusedName);
        assertThat(page.locator("#nu-fullName")).hasValue("Қасымова Әсел");
        assertThat(page.locator("#nu-password")).hasValue("");
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("refused-kk.png")).setFullPage(true));

        NewUser lawyer = new NewUser(unique("zanger"), "Нұрланов Ерлан", "e.nurlanov@example.org", "LAWYER", "kk");
        String password = createUser(page, base, lawyer);
        assertThat(page.locator("#user-role")).hasText("Заңгер");
        assertThat(page.locator("#user-language")).hasText("қазақ тілі");
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("created-kk.png")).setFullPage(true));
        createUser(page, base, new NewUser(unique("qyzmet"), "Оспанова Айжан", "", "STAFF", "kk"));
        assertThat(page.locator("#user-role")).hasText("Қызметкер");
        createUser(page, base, new NewUser(unique("uilestir"), "Бекова Динара", "", "COORDINATOR", "ru"));
        assertThat(page.locator("#user-role")).hasText("Үйлестіруші");
        page.navigate(url("/admin/users"));
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("list-kk.png")).setFullPage(true));
        signOut(page);

        signIn(page, base, lawyer.username(), password);
        assertThat(page).hasURL(Pattern.compile(".*/my/password/new$"));
        assertThat(page.locator("h1")).hasText("Жаңа құпиясөз таңдаңыз");
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("new-password-kk.png")).setFullPage(true));
        chooseNewPassword(page, "менің-құпиясөзім-1");
        assertThat(page).hasURL(Pattern.compile(".*/board$"));
        assertThat(page.locator("html")).hasAttribute("lang", "kk");
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("board-kk.png")).setFullPage(true));
    }

    // ---- steps for journey tests ----------------------------------------------------------------------------------

    /** Signs in on the login form of {@code base} (the application's root URL, no trailing slash). */
    public static void signIn(Page page, String base, String username, String password) {
        if (!page.url().startsWith(base + "/login")) {
            page.navigate(base + "/login");
        }
        page.locator("#username").fill(username);
        page.locator("#password").fill(password);
        page.locator("form button[type=submit]").click();
        page.waitForLoadState();
    }

    public static void signOut(Page page) {
        page.locator("form.logout button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*/login\\?logout$"));
    }

    /**
     * As a signed-in administrator: fills the form on /admin/users with no password, so that one is generated, and
     * returns it as the user page shows it once (that page stays open).
     */
    public static String createUser(Page page, String base, NewUser user) {
        page.navigate(base + "/admin/users");
        page.locator("#nu-username").fill(user.username());
        page.locator("#nu-fullName").fill(user.fullName());
        page.locator("#nu-email").fill(user.email());
        page.locator("#nu-role").selectOption(user.role());
        page.locator("#nu-language").selectOption(user.language());
        page.locator("#nu-password").fill("");
        page.locator("#new-user-form button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*/admin/users/" + Pattern.quote(user.username()) + "$"));
        String password = page.locator("#one-time-password").inputValue();
        assertThat(password).matches("[a-z2-9]{4}(-[a-z2-9]{4}){3}");
        return password;
    }

    /** On the step after a temporary password: the new one twice, sent with the keyboard. */
    public static void chooseNewPassword(Page page, String password) {
        page.locator("#new-password").fill(password);
        page.locator("#new-password-again").fill(password);
        page.locator("#new-password-again").press("Enter");
        page.waitForURL(Pattern.compile(".*/board$"));
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static Path screenshot(String name) {
        return BrowserTest.SCREENSHOTS.resolve("admin-users-" + name);
    }
}
