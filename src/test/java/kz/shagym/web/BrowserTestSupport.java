package kz.shagym.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.List;
import kz.shagym.ShagymIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The one Chromium set-up the browser tests share, so that the executable, the flags and the session's viewport,
 * timezone and timeout are stated once: one browser per test class (launched before its first test, closed after its
 * last), and {@link #newContext(String)} for a fresh session (own cookies) in the page language's locale. Each test
 * still opens and closes its own contexts, since some need one per test and others one per person.
 */
public abstract class BrowserTestSupport extends ShagymIntegrationTest {

    /** Debian's Chromium: Playwright's own download is not available offline. */
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** Headless without a sandbox, GPU or /dev/shm (containers), and without any network traffic of its own. */
    private static final List<String> ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run");

    private static Playwright playwright;
    /** Static, as JUnit's class lifecycle needs; the test classes run one after another, never side by side. */
    protected static Browser browser;

    @BeforeAll
    static void launchChromium() {
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(ARGS));
    }

    @AfterAll
    static void closeChromium() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
        if (playwright != null) {
            playwright.close();
            playwright = null;
        }
    }

    /**
     * A new session, as a person at a desk in Almaty sees the pages: 1280x900, the given locale, Almaty time, downloads
     * accepted (Playwright's default, stated for the tests that save the letter or the board's XLSX) and 20 s to wait.
     */
    protected static BrowserContext newContext(String locale) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setAcceptDownloads(true)
                .setViewportSize(1280, 900).setLocale(locale).setTimezoneId("Asia/Almaty"));
        context.setDefaultTimeout(20_000);
        return context;
    }
}
