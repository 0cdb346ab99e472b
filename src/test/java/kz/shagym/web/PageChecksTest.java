package kz.shagym.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The two page checks fail where they should, naming what they found, and pass a page that is in order. */
class PageChecksTest {

    private static Playwright playwright;
    private static Browser browser;

    @BeforeAll
    static void launchChromium() {
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(BrowserTest.CHROMIUM)
                .setHeadless(true).setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage")));
    }

    @AfterAll
    static void closeChromium() {
        browser.close();
        playwright.close();
    }

    @Test
    void aButtonWithoutANameAndAnImageAroundALinkAreReportedWithTheirElements() {
        Page page = browser.newPage();
        page.setContent("""
                <!DOCTYPE html><html lang="ru"><head><title>Дело</title></head><body><main>
                <h1>Дело</h1><button id="nameless"></button>
                <div role="img" aria-label="Схема"><a href="#x">ссылка</a></div></main></body></html>""");
        assertThatThrownBy(() -> Accessibility.assertNoSeriousViolations(page, "a page with faults"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("button-name (critical)").hasMessageContaining("#nameless")
                .hasMessageContaining("nested-interactive (serious)");
        page.close();
    }

    @Test
    void englishFromTheBundleIsFoundInTextAndAttributesButNotInCodeOrTextMarkedEnglish() {
        Page page = browser.newPage();
        page.setContent("""
                <!DOCTYPE html><html lang="kk"><head><title>Іс</title></head><body><main><h1>Іс</h1>
                <p>Ladder board</p><input aria-label="Іздеу" placeholder="Record filing"><p>Саты: INVESTIGATIVE_JUDGE, REFUSED</p>
                <code>kz.upk.106.file-complaint</code><a lang="en" href="?lang=en">Eng</a></main></body></html>""");
        assertThatThrownBy(() -> NoEnglish.assertNone(page)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("\"Ladder board\"").hasMessageContaining("\"Record filing\"")
                .hasMessageContaining("code INVESTIGATIVE_JUDGE").hasMessageContaining("code REFUSED");

        page.setContent("""
                <!DOCTYPE html><html lang="kk"><head><title>Іс</title></head><body><main><h1>Шағымдану сатылары</h1>
                <code>kz.upk.106.file-complaint</code><a lang="en" href="?lang=en">Eng</a> Shagym admin SHG-2026-000001
                <span translate="no">Test LAWYER</span> n-lawyer-6b84080e</main></body></html>""");
        NoEnglish.assertNone(page);
        Accessibility.assertNoSeriousViolations(page, "a page in order");
        assertThat(NoEnglish.phrasesLookedFor()).contains("Ladder board", "Why this date").doesNotContain("Shagym");
        page.close();
    }
}
