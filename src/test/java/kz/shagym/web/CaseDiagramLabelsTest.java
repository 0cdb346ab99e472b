package kz.shagym.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Every name the case page's diagram draws has a label in ru, kk and en, and the Russian and Kazakh ones are not English. */
class CaseDiagramLabelsTest {

    private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";

    @Test
    void everyDrawnNameOfTheLadderHasALabelInEachLanguage() throws Exception {
        Set<String> named = new TreeSet<>();
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        // the file the engine deploys is the one the case page draws
        try (InputStream in = java.nio.file.Files.newInputStream(java.nio.file.Path.of("bpmn/complaint-escalation.bpmn"))) {
            NodeList all = factory.newDocumentBuilder().parse(in).getElementsByTagNameNS(BPMN, "*");
            for (int i = 0; i < all.getLength(); i++) {
                Element e = (Element) all.item(i);
                // messages and escalations have names too, but nothing draws them
                if (!e.getAttribute("name").isEmpty() && !Set.of("message", "escalation").contains(e.getLocalName())) {
                    named.add(e.getAttribute("id"));
                }
            }
        }
        assertThat(new TreeSet<>(CaseDiagram.LABELLED)).isEqualTo(named);
        var ru = bundle("web.properties");
        var kk = bundle("web_kk.properties");
        var en = bundle("web_en.properties");
        for (String id : named) {
            String key = "diagram.el." + id;
            assertThat(ru.getProperty(key)).as(key).isNotBlank().doesNotContainPattern("[A-Za-z]{4,}");
            assertThat(kk.getProperty(key)).as(key).isNotBlank().doesNotContainPattern("[A-Za-z]{4,}");
            assertThat(en.getProperty(key)).as(key).isNotBlank();
        }
    }

    private java.util.Properties bundle(String name) throws Exception {
        var p = new java.util.Properties();
        try (InputStream in = getClass().getResourceAsStream("/messages/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
