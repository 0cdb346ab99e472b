package kz.shagym.letter;

import org.apache.poi.ooxml.POIXMLTypeLoader;
import org.apache.xmlbeans.XmlOptions;
import org.apache.xmlbeans.impl.common.SAXHelper;
import org.xml.sax.ContentHandler;
import org.xml.sax.DTDHandler;
import org.xml.sax.EntityResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;
import org.xml.sax.XMLReader;

import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.TransformerFactory;
import java.io.IOException;
import java.util.ServiceLoader;
import java.util.function.Supplier;

/**
 * Removes per-document XML set-up costs that dominated letter rendering (JFR profile of the benchmark:
 * about a quarter of the CPU, and the rendering threads serialized on jar-file locks).
 *
 * <ol>
 * <li>XMLBeans builds a new SAX parser for every XML part it reads (a letter has about eight), and each
 * time probes for Xerces' {@code SecurityManager} with {@code Class.forName}; the class is absent, so
 * every probe scans every jar on the class path. XMLBeans skips all of that when the load options carry
 * an {@link XMLReader}. We give POI's default load options a reader that hands each thread its own
 * reader, created once per thread by the same XMLBeans factory method with the same options, so the
 * hardening (secure processing, no external entities, expansion limits) is unchanged.</li>
 * <li>JAXP looks up the SAX and transformer factory providers by scanning {@code META-INF/services} on
 * each call unless a system property names the class. When no provider is on the class path, JAXP
 * falls back to the JDK's built-in class; in exactly that case we name that class, so the result is the
 * same without the scan.</li>
 * </ol>
 * Both are process-wide and idempotent, and change which objects are created, not what they do.
 */
final class XmlParsing {
    private static boolean applied;

    private XmlParsing() {
    }

    static synchronized void apply() {
        if (applied) {
            return;
        }
        pinIfNoProvider("javax.xml.parsers.SAXParserFactory", SAXParserFactory.class,
                () -> SAXParserFactory.newDefaultInstance().getClass().getName());
        pinIfNoProvider("javax.xml.transform.TransformerFactory", TransformerFactory.class,
                () -> TransformerFactory.newDefaultInstance().getClass().getName());
        XmlOptions defaults = POIXMLTypeLoader.DEFAULT_XML_OPTIONS;
        if (defaults.getLoadUseXMLReader() == null) {
            XmlOptions template = new XmlOptions(defaults);
            defaults.setLoadUseXMLReader(new PerThreadXmlReader(() -> newReader(template)));
        }
        applied = true;
    }

    private static XMLReader newReader(XmlOptions options) {
        try {
            return SAXHelper.newXMLReader(options);
        } catch (SAXException | ParserConfigurationException e) {
            throw new IllegalStateException("Cannot create an XML reader", e);
        }
    }

    private static <T> void pinIfNoProvider(String property, Class<T> service, Supplier<String> builtIn) {
        if (System.getProperty(property) != null
                || ServiceLoader.load(service, Thread.currentThread().getContextClassLoader()).findFirst().isPresent()
                || ServiceLoader.load(service, XmlParsing.class.getClassLoader()).findFirst().isPresent()) {
            return;
        }
        System.setProperty(property, builtIn.get());
    }

    /**
     * One real reader per thread behind the {@link XMLReader} interface. XMLBeans sets the handlers and
     * parses on the calling thread and never nests parses, which is what makes the per-thread reuse safe.
     */
    static final class PerThreadXmlReader implements XMLReader {
        private static final String[] HANDLER_PROPERTIES = {
                "http://xml.org/sax/properties/lexical-handler", "http://xml.org/sax/properties/declaration-handler"};
        private final ThreadLocal<XMLReader> readers;

        PerThreadXmlReader(Supplier<XMLReader> factory) {
            this.readers = ThreadLocal.withInitial(factory);
        }

        private XMLReader reader() {
            return readers.get();
        }

        @Override
        public boolean getFeature(String name) throws SAXNotRecognizedException, SAXNotSupportedException {
            return reader().getFeature(name);
        }

        @Override
        public void setFeature(String name, boolean value) throws SAXNotRecognizedException, SAXNotSupportedException {
            reader().setFeature(name, value);
        }

        @Override
        public Object getProperty(String name) throws SAXNotRecognizedException, SAXNotSupportedException {
            return reader().getProperty(name);
        }

        @Override
        public void setProperty(String name, Object value) throws SAXNotRecognizedException, SAXNotSupportedException {
            reader().setProperty(name, value);
        }

        @Override
        public void setEntityResolver(EntityResolver resolver) {
            reader().setEntityResolver(resolver);
        }

        @Override
        public EntityResolver getEntityResolver() {
            return reader().getEntityResolver();
        }

        @Override
        public void setDTDHandler(DTDHandler handler) {
            reader().setDTDHandler(handler);
        }

        @Override
        public DTDHandler getDTDHandler() {
            return reader().getDTDHandler();
        }

        @Override
        public void setContentHandler(ContentHandler handler) {
            reader().setContentHandler(handler);
        }

        @Override
        public ContentHandler getContentHandler() {
            return reader().getContentHandler();
        }

        @Override
        public void setErrorHandler(ErrorHandler handler) {
            reader().setErrorHandler(handler);
        }

        @Override
        public ErrorHandler getErrorHandler() {
            return reader().getErrorHandler();
        }

        @Override
        public void parse(InputSource input) throws IOException, SAXException {
            try {
                reader().parse(input);
            } finally {
                release();
            }
        }

        @Override
        public void parse(String systemId) throws IOException, SAXException {
            try {
                reader().parse(systemId);
            } finally {
                release();
            }
        }

        /**
         * The handlers XMLBeans installs hold the document just parsed; drop them so an idle pooled thread
         * does not keep its last document alive.
         */
        private void release() {
            XMLReader reader = reader();
            reader.setContentHandler(null);
            reader.setDTDHandler(null);
            reader.setErrorHandler(null);
            reader.setEntityResolver(null);
            for (String handler : HANDLER_PROPERTIES) {
                try {
                    reader.setProperty(handler, null);
                } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
                    // a reader without that handler has nothing to release
                }
            }
        }
    }
}
