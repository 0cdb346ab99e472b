package kz.shagym.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import java.util.zip.ZipInputStream;
import kz.shagym.ShagymIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PDF copies through the real LibreOffice (installed for the suite by .mvn/install-test-tools.sh). */
class PdfConversionTest extends ShagymIntegrationTest {

    @Test
    void aLetterAndAllLettersOfACaseComeAsPdfFromOneBatch() throws Exception {
        UUID id = ladder.register(ladder.ago(Duration.ofDays(1)));
        UUID motion = ladder.letter(id, "FORENSIC_EXAM_MOTION");
        var single = ladder.rest().getForEntity("/api/complaints/" + id + "/letters/" + motion + "/pdf", byte[].class);
        assertThat(single.getStatusCode().value()).isEqualTo(200);
        assertThat(new String(Arrays.copyOf(single.getBody(), 5), StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        var zip = ladder.rest().getForEntity("/api/complaints/" + id + "/letters/pdf", byte[].class);
        assertThat(zip.getStatusCode().value()).isEqualTo(200);
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.getBody()))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                assertThat(entry.getName()).endsWith(".pdf");
                assertThat(new String(in.readNBytes(5), StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
                entries++;
            }
        }
        assertThat(entries).isEqualTo(ladder.view(id).get("letters").size());
    }

    /**
     * soffice needs the letter (which names the victim) as a plain file: it lives only in a batch directory of mode
     * 700 under a root of mode 700, and nothing is left once the PDF is back — neither this batch nor one abandoned by
     * a crashed process. A watcher looks at the directory while LibreOffice works (it takes seconds to start).
     */
    @Test
    void thePlainCopiesLiveInAPrivateDirectoryAndAreGoneRightAfterTheConversion(@TempDir Path temp) throws Exception {
        Path root = Files.createDirectory(temp.resolve("pdf-work"));
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path abandoned = Files.createDirectory(root.resolve("batch-of-a-crashed-process"));
        Files.writeString(abandoned.resolve("letter.docx"), "a plain letter left behind");
        Files.setLastModifiedTime(abandoned, FileTime.from(Instant.now().minus(Duration.ofDays(1))));
        PdfConverter converter = new PdfConverter("soffice", Duration.ofMinutes(3), root.toString());
        UUID id = ladder.register(ladder.ago(Duration.ofDays(1)));
        UUID motion = ladder.letter(id, "FORENSIC_EXAM_MOTION");
        byte[] docx = ladder.rest().getForEntity("/api/complaints/" + id + "/letters/" + motion, byte[].class).getBody();

        Set<String> seen = ConcurrentHashMap.newKeySet();
        AtomicBoolean converting = new AtomicBoolean(true);
        Thread watcher = new Thread(() -> {
            while (converting.get()) {
                seen.addAll(permissionsInside(root, abandoned));
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        watcher.start();
        Map<String, byte[]> pdfs;
        try {
            pdfs = converter.convert(Map.of("motion", docx));
        } finally {
            converting.set(false);
            watcher.join();
        }

        assertThat(new String(Arrays.copyOf(pdfs.get("motion"), 5), StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(seen).as("the modes the watcher saw while LibreOffice worked")
                .containsExactlyInAnyOrder("dir rwx------", "docx rw-------");
        assertThat(Files.getPosixFilePermissions(root)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        try (Stream<Path> left = Files.list(root)) {
            assertThat(left).as("nothing left under the work root").isEmpty();
        }
    }

    /** "dir <mode>" for each batch directory, "docx <mode>" for each plain letter in it, at this instant. */
    private static Set<String> permissionsInside(Path root, Path abandoned) {
        Set<String> found = new java.util.HashSet<>();
        try (Stream<Path> files = Files.walk(root, 3)) {
            files.filter(p -> !p.equals(root) && !p.startsWith(abandoned)).forEach(p -> {
                try {
                    String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
                    if (p.getParent().equals(root)) {
                        found.add("dir " + mode);
                    } else if (p.toString().endsWith(".docx")) {
                        found.add("docx " + mode);
                    }
                } catch (java.io.IOException gone) {
                    // deleted between the listing and the look: the conversion is ending
                }
            });
        } catch (java.io.IOException | java.io.UncheckedIOException gone) {
            // same
        }
        return found;
    }

    @Test
    void withoutLibreOfficeTheAnswerSaysWhatToInstall() {
        PdfConverter missing = new PdfConverter("/nonexistent/soffice", Duration.ofSeconds(5), "");
        assertThat(missing.executable()).isEmpty();
        assertThatThrownBy(() -> missing.convert(Map.of("x", new byte[] {1})))
                .isInstanceOf(PdfUnavailable.class) // answered 503: the DOCX is still there
                .hasMessageContaining("apt-get install libreoffice-writer-nogui");
    }
}
