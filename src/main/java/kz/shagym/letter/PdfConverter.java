package kz.shagym.letter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kz.shagym.web.ApiException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * PDF copies of letters through LibreOffice, when it is installed: one headless soffice run converts a whole batch
 * (starting LibreOffice costs seconds, converting a letter a fraction). Without soffice the caller gets a clear 503.
 */
@Component
public class PdfConverter {

    static final String MISSING = "PDF needs LibreOffice on the server (soffice not found): install it, e.g. "
            + "'apt-get install libreoffice-writer-nogui', or set shagym.soffice to its path";

    private final String soffice;
    private final Duration timeout;

    PdfConverter(@Value("${shagym.soffice:soffice}") String soffice,
                 @Value("${shagym.pdf-timeout:PT3M}") Duration timeout) {
        this.soffice = soffice;
        this.timeout = timeout;
    }

    public Optional<Path> executable() {
        Path configured = Path.of(soffice);
        if (configured.isAbsolute()) {
            return Files.isExecutable(configured) ? Optional.of(configured) : Optional.empty();
        }
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(java.io.File.pathSeparator))
                .map(dir -> Path.of(dir, soffice))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** Converts DOCX files (name → bytes) to PDFs (same names, .pdf) in one LibreOffice run. */
    public Map<String, byte[]> convert(Map<String, byte[]> docxByName) {
        Path binary = executable().orElseThrow(() -> new ApiException(HttpStatus.SERVICE_UNAVAILABLE, null, MISSING));
        Path work = null;
        try {
            work = Files.createTempDirectory("shagym-pdf-");
            Path in = Files.createDirectory(work.resolve("in"));
            Path out = Files.createDirectory(work.resolve("out"));
            List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--norestore", "--nolockcheck",
                    // A private profile: a user's running LibreOffice (or a parallel batch) must not block this one.
                    "-env:UserInstallation=" + work.resolve("profile").toUri(),
                    "--convert-to", "pdf", "--outdir", out.toString()));
            for (var entry : docxByName.entrySet()) {
                Path file = in.resolve(safeName(entry.getKey()) + ".docx");
                Files.write(file, entry.getValue());
                command.add(file.toString());
            }
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(work.resolve("soffice.log").toFile()).start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, null, "LibreOffice did not finish the PDF conversion within " + timeout);
            }
            Map<String, byte[]> pdfs = new LinkedHashMap<>();
            for (String name : docxByName.keySet()) {
                Path pdf = out.resolve(safeName(name) + ".pdf");
                if (!Files.exists(pdf)) {
                    throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, null, "LibreOffice could not convert " + name
                            + ": " + Files.readString(work.resolve("soffice.log")).strip());
                }
                pdfs.put(name, Files.readAllBytes(pdf));
            }
            return pdfs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while converting to PDF", e);
        } finally {
            deleteQuietly(work);
        }
    }

    private static String safeName(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }
}
