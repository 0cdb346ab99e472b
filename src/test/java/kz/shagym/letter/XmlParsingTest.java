package kz.shagym.letter;

import org.apache.poi.ooxml.POIXMLTypeLoader;
import org.junit.jupiter.api.Test;
import org.xml.sax.XMLReader;

import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class XmlParsingTest {

    @Test
    void eachThreadParsesWithItsOwnHardenedReader() throws Exception {
        XmlParsing.apply();
        XMLReader shared = POIXMLTypeLoader.DEFAULT_XML_OPTIONS.getLoadUseXMLReader();
        assertThat(shared).isInstanceOf(XmlParsing.PerThreadXmlReader.class);

        Object here = shared.getProperty("http://apache.org/xml/properties/internal/entity-manager");
        Object there = CompletableFuture.supplyAsync(() -> {
            try {
                return shared.getProperty("http://apache.org/xml/properties/internal/entity-manager");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).get();
        assertThat(here).isNotSameAs(there);
        assertThat(shared.getFeature("http://javax.xml.XMLConstants/feature/secure-processing")).isTrue();
    }

    @Test
    void aParseLeavesNoHandlerBehindOnThePooledReader() throws Exception {
        XmlParsing.apply();
        XMLReader shared = POIXMLTypeLoader.DEFAULT_XML_OPTIONS.getLoadUseXMLReader();
        org.apache.xmlbeans.XmlObject parsed = org.apache.xmlbeans.XmlObject.Factory.parse("<a><b>x</b></a>",
                POIXMLTypeLoader.DEFAULT_XML_OPTIONS);

        assertThat(parsed.xmlText()).contains("<b>x</b>");
        assertThat(shared.getContentHandler()).isNull();
        assertThat(shared.getProperty("http://xml.org/sax/properties/lexical-handler")).isNull();
    }

    @Test
    void applyingTwiceKeepsTheSameReader() {
        XmlParsing.apply();
        XMLReader first = POIXMLTypeLoader.DEFAULT_XML_OPTIONS.getLoadUseXMLReader();
        XmlParsing.apply();

        assertThat(POIXMLTypeLoader.DEFAULT_XML_OPTIONS.getLoadUseXMLReader()).isSameAs(first);
    }
}
