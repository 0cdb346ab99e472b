package kz.shagym.letter;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A letter's current version as pages to look at: its PDF (LibreOffice, {@link PdfConverter}) rendered to PNG images
 * with PDFBox. A letter names the victim, so nothing of it touches the disk here: PDFBox reads the PDF from memory with a
 * memory-only cache, and the PNG encoder writes through a memory cache (ImageIO's default cache is a file in the
 * system's temporary directory). The rendering is kept in memory for a short while per (letter, version), since a page
 * view asks for the images right after rendering them, and a few entries at most.
 */
@Component
public class LetterPreview {

    /** Enough to read a letter on a screen; an A4 page is 909 × 1286 pixels, some 100 KB of PNG. */
    private static final float DPI = 110;
    /** A letter longer than this is previewed by its first pages; the PDF has them all. */
    public static final int MAX_PAGES = 30;
    private static final int MAX_ENTRIES = 16;

    private final PdfConverter pdfs;
    private final LetterStore store;
    private final Duration ttl;
    private final Map<String, Rendered> cache = new LinkedHashMap<>(16, 0.75f, true);

    LetterPreview(PdfConverter pdfs, LetterStore store, @Value("${shagym.letters.preview-ttl:PT10M}") Duration ttl) {
        this.pdfs = pdfs;
        this.store = store;
        this.ttl = ttl;
    }

    /** The PDF of a version and its pages as PNG images. */
    public record Rendered(UUID letterId, int version, byte[] pdf, List<byte[]> pages, boolean truncated, Instant at) {
        public int pageCount() {
            return pages.size();
        }
    }

    /** The letter's current version, rendered now or a moment ago. {@code name} names the file for LibreOffice. */
    public Rendered current(LetterStore.StoredLetter letter, String name) {
        String key = letter.id() + "/" + letter.version() + "/" + letter.sha256();
        Optional<Rendered> cached = cached(key);
        if (cached.isPresent()) {
            return cached.get();
        }
        byte[] pdf = pdfs.convert(Map.of(name, store.content(letter))).get(name);
        Rendered rendered = render(letter.id(), letter.version(), pdf);
        synchronized (cache) {
            cache.put(key, rendered);
            while (cache.size() > MAX_ENTRIES) {
                Iterator<String> eldest = cache.keySet().iterator();
                eldest.next();
                eldest.remove();
            }
        }
        return rendered;
    }

    /** Expired renderings leave memory within a minute even when nobody asks for a letter again. */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void evictExpired() {
        synchronized (cache) {
            cache.values().removeIf(r -> r.at().plus(ttl).isBefore(Instant.now()));
        }
    }

    private Optional<Rendered> cached(String key) {
        synchronized (cache) {
            cache.values().removeIf(r -> r.at().plus(ttl).isBefore(Instant.now()));
            return Optional.ofNullable(cache.get(key));
        }
    }

    static Rendered render(UUID letterId, int version, byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf, "", null, null, IOUtils.createMemoryOnlyStreamCache())) {
            PDFRenderer renderer = new PDFRenderer(document);
            int count = Math.min(document.getNumberOfPages(), MAX_PAGES);
            List<byte[]> pages = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                pages.add(png(renderer.renderImageWithDPI(i, DPI, ImageType.RGB)));
            }
            return new Rendered(letterId, version, pdf, List.copyOf(pages), document.getNumberOfPages() > count, Instant.now());
        } catch (IOException e) {
            throw new UncheckedIOException("could not render the letter's PDF", e);
        }
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(image);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
