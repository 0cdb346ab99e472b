package kz.shagym.web;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import kz.shagym.security.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A browser test that one person drives through one page at a time: a fresh Russian-locale session per test, signing in
 * as a test user, addresses on this server, screenshots under {@code target/screenshots}.
 */
abstract class OnePageBrowserTest extends BrowserTestSupport {

    @LocalServerPort
    private int port;
    protected BrowserContext context;
    protected Page page;

    @BeforeEach
    void openSession() {
        context = newContext("ru-RU");
        context.setDefaultTimeout(30_000);
        page = context.newPage();
    }

    @AfterEach
    void closeSession() {
        context.close();
    }

    /** Signs in through the login form (the pages in Russian) and waits for the start page. */
    protected void logIn(String username) {
        page.navigate(url("/login?lang=ru"));
        page.locator("#username").fill(username);
        page.locator("#password").fill(TestUsers.PASSWORD);
        page.locator("#password").press("Enter");
        page.waitForURL(Pattern.compile(".*/(board|my/deadlines)$"));
    }

    protected String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    protected static Path screenshot(String name) {
        try {
            return Files.createDirectories(SCREENSHOTS).resolve(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
