package kz.shagym.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import kz.shagym.security.TestUsers;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The ladder on the case page as Chromium draws it from bpmn/complaint-escalation.bpmn, with its names in Russian: laid
 * out, so that no two drawn things (shapes and their names) overlap, on the main plane and inside the challenge, and
 * the rung where the case stands is marked. Screenshots target/screenshots/case-diagram-*.png.
 */
class CaseDiagramBrowserTest extends OnePageBrowserTest {

    private static final Pattern CURRENT = Pattern.compile("(^|\\s)current(\\s|$)");

    /** The pairs of drawn elements that overlap, "a|b", by the boxes Chromium gives their drawings on screen. */
    private static final String OVERLAPS = """
            () => {
              const drawn = [...document.querySelectorAll('#diagram .djs-shape')]
                .filter(g => g.getBoundingClientRect().width > 0)
                .map(g => ({ id: g.dataset.elementId, box: g.querySelector('.djs-visual').getBoundingClientRect() }))
                .filter(d => d.box.width > 0 && d.box.height > 0);
              const found = [];
              for (let i = 0; i < drawn.length; i++) {
                for (let j = i + 1; j < drawn.length; j++) {
                  const a = drawn[i].box, b = drawn[j].box;
                  if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) {
                    found.push(drawn[i].id + '|' + drawn[j].id);
                  }
                }
              }
              return found;
            }""";

    @Test
    void theLadderIsDrawnLaidOutWithNothingOverlappingAndTheCurrentRungMarked() throws Exception {
        String admin = TestUsers.create(ladder, "ADMIN");
        UUID id = ladder.register(ladder.ago(Duration.ofHours(2)));

        logIn(admin);
        page.navigate(url("/cases/" + id));
        Locator diagram = page.locator("#diagram");
        assertThat(diagram).hasAttribute("data-ready", "true");
        assertThat(page.locator("#diagram g[data-element-id='CallActivity_FiledWithAuthority']")).hasClass(CURRENT);
        assertThat(page.locator("#diagram g[data-element-id='CallActivity_FiledWithAuthority'] text")).containsText("органе");
        diagram.scrollIntoViewIfNeeded();
        diagram.screenshot(new Locator.ScreenshotOptions().setPath(screenshot("case-diagram-ladder-ru.png")));
        assertThat(overlaps()).as("drawn elements of the ladder that overlap").isEmpty();

        page.locator("#diagram [data-container-id='SubProcess_Challenge'] .bjs-drilldown").click();
        assertThat(page.locator("#diagram g[data-element-id='CallActivity_ProsecutorComplaint']")).isVisible();
        diagram.screenshot(new Locator.ScreenshotOptions().setPath(screenshot("case-diagram-challenge-ru.png")));
        assertThat(overlaps()).as("drawn elements of the challenge that overlap").isEmpty();
    }

    /** What overlaps on the plane shown, less a boundary event with its host (it sits on the host's edge). */
    @SuppressWarnings("unchecked")
    private List<String> overlaps() throws Exception {
        Set<String> allowed = new HashSet<>();
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        NodeList boundary = factory.newDocumentBuilder().parse(Path.of("bpmn", "complaint-escalation.bpmn").toFile())
                .getElementsByTagNameNS("http://www.omg.org/spec/BPMN/20100524/MODEL", "boundaryEvent");
        for (int i = 0; i < boundary.getLength(); i++) {
            Element event = (Element) boundary.item(i);
            String host = event.getAttribute("attachedToRef");
            allowed.add(event.getAttribute("id") + "|" + host);
            allowed.add(host + "|" + event.getAttribute("id"));
        }
        return ((List<String>) page.evaluate(OVERLAPS)).stream()
                .filter(pair -> !allowed.contains(pair))
                .toList();
    }
}
