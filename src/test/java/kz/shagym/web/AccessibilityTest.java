package kz.shagym.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import kz.shagym.LadderHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every page in Russian and in Kazakh, in the real Chromium: no serious or critical axe-core violation, no English,
 * and every form reached and sent with the keyboard alone. The case page (a complaint at the investigative judge,
 * with a letter, deadlines and a timeline) is shown with its diagram drawn; screenshots go to target/screenshots/.
 */
class AccessibilityTest extends BrowserTestSupport {

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

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ru", "kk"})
    void everyPageIsAccessibleAndHasNoEnglish(String lang) {
        UUID id = complaintAtTheInvestigativeJudge();

        page.navigate(url("/login?lang=" + lang));
        check("login", lang);
        page.locator("#username").fill(LadderHarness.ADMIN);
        page.locator("#password").fill(LadderHarness.ADMIN_PASSWORD);
        pressTabUntil("form button[type=submit]");
        page.keyboard().press("Enter");
        assertThat(page).hasURL(Pattern.compile(".*/board$"));

        for (String path : List.of("/board", "/cases/new", "/my/deadlines", "/my/account")) {
            page.navigate(url(path));
            check(path, lang);
        }

        page.navigate(url("/cases/" + id));
        assertThat(page.locator("#diagram")).hasAttribute("data-ready", "true");
        page.locator("#deadlines details summary").first().click();
        check("case page", lang);
        assertThat(page.locator("#diagram")).hasAttribute("aria-hidden", "true");
        assertThat(page.locator("#diagram-text li[data-rung=INVESTIGATIVE_JUDGE]")).hasAttribute("aria-current", "step");
        assertThat(page.locator("#diagram-text li[data-rung=INVESTIGATIVE_JUDGE]")).containsText(Pattern.compile("\\d\\d\\.\\d\\d\\.\\d{4}"));
        assertThat(page.locator("#diagram-text li[data-rung=APPEAL]")).not().hasAttribute("aria-current", "step");
        assertThat(page.locator("#diagram .diagram-deadline").first()).hasText(Pattern.compile(
                "ru".equals(lang) ? "до \\d\\d\\.\\d\\d\\.\\d{4}" : "\\d\\d\\.\\d\\d\\.\\d{4} дейін"));
        assertThat(page.locator("#diagram svg text").first()).isVisible();
        Number focusableInDiagram = (Number) page.evaluate("""
                () => [...document.querySelectorAll('#diagram a, #diagram button, #diagram svg, #diagram [tabindex]')]
                    .filter(e => e.tabIndex >= 0).length""");
        assertThat(focusableInDiagram.intValue()).as("nothing inside the aria-hidden drawing takes the keyboard's focus").isZero();
        Number labelPx = (Number) page.evaluate("""
                () => Math.min(...[...document.querySelectorAll('#diagram .djs-element text')]
                    .filter(t => t.getBoundingClientRect().width > 0)
                    .map(t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a))""");
        assertThat(labelPx.doubleValue()).as("smallest label on the diagram, in CSS pixels").isGreaterThanOrEqualTo(8);
        Number overflow = (Number) page.evaluate("""
                () => { const d = document.getElementById('diagram'); const b = d.querySelector('.djs-container svg .viewport').getBoundingClientRect();
                        return b.width - d.clientWidth; }""");
        assertThat(overflow.intValue()).as("the drawing fits the container's width").isLessThanOrEqualTo(0);
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("case-" + lang + ".png")).setFullPage(true));
        page.locator("#diagram").screenshot(new Locator.ScreenshotOptions().setPath(screenshot("diagram-" + lang + ".png")));

        page.setViewportSize(390, 844); // a phone: the drawing keeps legible labels and scrolls inside its frame
        assertThat(page.locator("#diagram")).hasAttribute("data-ready", "true");
        page.waitForFunction("() => Number(document.getElementById('diagram').dataset.fittedWidth) < 400");
        page.locator("#diagram").scrollIntoViewIfNeeded();
        Number pageOverflow = (Number) page.evaluate("document.documentElement.scrollWidth - window.innerWidth");
        assertThat(pageOverflow.intValue()).as("no sideways scrolling of the page at phone width").isLessThanOrEqualTo(0);
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("case-phone-" + lang + ".png")));
        page.setViewportSize(1280, 900);

        pressTabUntil("#event-form button[type=submit]");
        page.keyboard().press("Enter"); // nothing chosen: refused with its messages, the form still there
        assertThat(page.locator("#event-form")).isVisible();
        check("case page with the event form refused", lang);

        page.navigate(url("/cases/" + UUID.randomUUID()));
        check("error page", lang);

        page.navigate(url("/cases/new"));
        pressTabUntil("#intake-form button[type=submit]");
        page.keyboard().press("Enter");
        assertThat(page.locator("#victimName")).hasAttribute("aria-invalid", "true");
        check("intake form refused", lang);
    }

    private void check(String name, String lang) {
        assertThat(page.locator("html")).hasAttribute("lang", lang);
        Accessibility.assertNoSeriousViolations(page, name + " (" + lang + ")");
        NoEnglish.assertNone(page);
        assertEveryFormIsReachedByTab(name);
    }

    /**
     * Tabs through the whole page once, from its top back round to the first element focused, and checks that every
     * form's visible submit button was among the elements the keyboard reached.
     */
    private void assertEveryFormIsReachedByTab(String name) {
        Number buttons = (Number) page.evaluate("""
                () => { const all = [...document.querySelectorAll('form button[type=submit], form input[type=submit]')]
                          // a button inside a closed <details> is not shown (Chromium still lays it out, so it
                          // has client rects) and cannot be reached until its section is opened
                          .filter(b => b.getClientRects().length > 0 && !b.closest('details:not([open])'));
                        all.forEach((b, i) => b.dataset.submitIndex = String(i));
                        if (document.activeElement) { document.activeElement.blur(); }
                        window.scrollTo(0, 0);
                        return all.length; }""");
        java.util.Set<String> reached = new java.util.TreeSet<>();
        Object first = null;
        for (int i = 0; i < 400; i++) {
            page.keyboard().press("Tab");
            @SuppressWarnings("unchecked")
            java.util.Map<String, Object> focused = (java.util.Map<String, Object>) page.evaluate("""
                    () => { const e = document.activeElement;
                            if (!e.dataset.tabSeen) { e.dataset.tabSeen = String(Math.random()); }
                            return { seen: e.dataset.tabSeen, submit: e.dataset.submitIndex || '' }; }""");
            if (focused.get("seen").equals(first)) {
                break;
            }
            if (first == null) {
                first = focused.get("seen");
            }
            if (!"".equals(focused.get("submit"))) {
                reached.add((String) focused.get("submit"));
            }
        }
        Object unreached = page.evaluate("""
                reached => [...document.querySelectorAll('[data-submit-index]')]
                    .filter(b => !reached.includes(b.dataset.submitIndex)).map(b => b.closest('form').id + ': ' + b.outerHTML)""",
                new java.util.ArrayList<>(reached));
        assertThat(reached).as("submit buttons reached by Tab on %s; not reached: %s", name, unreached).hasSize(buttons.intValue());
    }

    /** Tabs from the top of the page until the element has the focus: proof that the keyboard reaches it. */
    private void pressTabUntil(String selector) {
        page.evaluate("() => document.activeElement && document.activeElement.blur()");
        Locator target = page.locator(selector).first();
        for (int i = 0; i < 200; i++) {
            page.keyboard().press("Tab");
            if ((Boolean) target.evaluate("e => e === document.activeElement")) {
                return;
            }
        }
        throw new AssertionError("200 presses of Tab never reached " + selector + " on " + page.url());
    }

    /** Refused by internal security with a reason and a note: the judge's term runs, a letter is drafted. */
    private UUID complaintAtTheInvestigativeJudge() {
        UUID id = ladder.register(ladder.ago(Duration.ofHours(30)));
        ladder.event(id, """
                {"type": "FORWARDED_TO_INTERNAL_SECURITY", "occurredAt": "%s"}""".formatted(ladder.ago(Duration.ofHours(20))));
        ladder.event(id, """
                {"type": "DECISION", "authority": "INTERNAL_SECURITY", "outcome": "REFUSED", "reason": "NOT_PROVEN",
                 "decidedAt": "%s", "learnedAt": "%s", "note": "Вручено под роспись"}"""
                .formatted(ladder.ago(Duration.ofHours(10)), ladder.ago(Duration.ofHours(2))));
        ladder.letter(id, "COMPLAINT_INVESTIGATIVE_JUDGE");
        return id;
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static Path screenshot(String name) {
        return BrowserTest.SCREENSHOTS.resolve("readable-a11y-" + name);
    }
}
