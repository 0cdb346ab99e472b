package kz.shagym.web;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * axe-core (the copy inside Maven Central's com.deque.html.axe-core:playwright, nothing fetched at test time) run in the
 * page as it stands. A serious or critical violation fails the test, each one listed with the elements it was found on.
 */
public final class Accessibility {

    private static final String AXE = load();

    /** Serious and critical violations as "id (impact): help" and up to ten "selector — what to fix" lines each. */
    private static final String RUN = """
            async () => {
              const result = await axe.run(document, { resultTypes: ['violations'] });
              return result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => v.id + ' (' + v.impact + '): ' + v.help + '\\n' + v.nodes.slice(0, 10)
                  .map(n => '    ' + n.target.join(' ') + ' — ' + (n.failureSummary || '').replace(/\\s+/g, ' '))
                  .join('\\n'));
            }""";

    private Accessibility() {
    }

    /**
     * Runs axe-core on the page and fails with every serious or critical violation. The script is evaluated through
     * the browser's debugging protocol, not added as a script tag: the pages' CSP rightly refuses inline scripts.
     */
    public static void assertNoSeriousViolations(Page page, String name) {
        page.evaluate(AXE);
        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>) page.evaluate(RUN);
        if (!violations.isEmpty()) {
            throw new AssertionError("axe-core found " + violations.size() + " serious or critical violation(s) on "
                    + name + " (" + page.url() + "):\n" + String.join("\n", violations));
        }
    }

    /** Every violation axe-core reports, whatever its impact: for a test that wants to look at the minor ones too. */
    @SuppressWarnings("unchecked")
    public static Map<String, String> allViolations(Page page) {
        page.evaluate(AXE);
        List<Map<String, Object>> all = (List<Map<String, Object>>) page.evaluate(
                "async () => (await axe.run(document)).violations.map(v => ({ id: v.id, impact: v.impact }))");
        return all.stream().collect(Collectors.toMap(v -> (String) v.get("id"), v -> String.valueOf(v.get("impact"))));
    }

    private static String load() {
        try (InputStream in = Accessibility.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test class path (com.deque.html.axe-core:playwright)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
