package kz.shagym.letter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.LinkOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * PDF copies of letters through LibreOffice, when it is installed: one headless soffice run converts a whole batch
 * (starting LibreOffice costs seconds, converting a letter a fraction). Without soffice the caller gets a clear 503.
 *
 * <p>soffice needs the plain DOCX on disk, and letters name the victim. So each batch works in its own directory
 * (mode 700) under a private root (mode 700, {@code shagym.pdf-work-dir}, by default {@code shagym-pdf-<user>} in the
 * system's temporary directory, never the data directory), soffice's own temporary files are sent there too (TMPDIR),
 * and the whole batch directory is deleted as soon as the PDFs are read, whatever happened. Batches left behind by a
 * crashed process are deleted on the next conversion.
 */
@Component
public class PdfConverter {

    private static final Logger log = LoggerFactory.getLogger(PdfConverter.class);
    static final String MISSING = "PDF needs LibreOffice on the server (soffice not found): install it, e.g. "
            + "'apt-get install libreoffice-writer-nogui', or set shagym.soffice to its path";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");
    private static final String BATCH_PREFIX = "batch-";
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final String soffice;
    private final Duration timeout;
    private final Path workRoot;
    private boolean rootPrepared;

    PdfConverter(@Value("${shagym.soffice:soffice}") String soffice,
                 @Value("${shagym.pdf-timeout:PT3M}") Duration timeout,
                 @Value("${shagym.pdf-work-dir:}") String workRoot) {
        this.soffice = soffice;
        this.timeout = timeout;
        this.workRoot = workRoot.isBlank() ? defaultWorkRoot() : Path.of(workRoot);
    }

    private static Path defaultWorkRoot() {
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
        return Path.of(System.getProperty("java.io.tmpdir"), "shagym-pdf-" + user);
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
        Path binary = executable().orElseThrow(() -> new PdfUnavailable(MISSING));
        Path work = null;
        try {
            work = Files.createTempDirectory(preparedRoot(), BATCH_PREFIX, ownerOnly(OWNER_ONLY));
            requireOwnRoot(work);
            Path in = Files.createDirectory(work.resolve("in"));
            Path out = Files.createDirectory(work.resolve("out"));
            List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--norestore", "--nolockcheck",
                    // A private profile: a user's running LibreOffice (or a parallel batch) must not block this one.
                    "-env:UserInstallation=" + work.resolve("profile").toUri(),
                    "--convert-to", "pdf", "--outdir", out.toString()));
            for (var entry : docxByName.entrySet()) {
                Path file = Files.createFile(in.resolve(safeName(entry.getKey()) + ".docx"), ownerOnly(OWNER_READ_WRITE));
                Files.write(file, entry.getValue());
                command.add(file.toString());
            }
            return run(command, work, out, docxByName.keySet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while converting to PDF", e);
        } finally {
            delete(work);
        }
    }

    private Map<String, byte[]> run(List<String> command, Path work, Path out, Set<String> names) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("soffice.log").toFile());
        // LibreOffice's own temporary copies go into the batch directory, and so are deleted with it.
        for (String variable : List.of("TMPDIR", "TMP", "TEMP")) {
            builder.environment().put(variable, work.toString());
        }
        Process process = builder.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            // soffice is a launcher: its children would go on writing into the batch directory.
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            throw new PdfUnavailable("LibreOffice did not finish the PDF conversion within " + timeout);
        }
        Map<String, byte[]> pdfs = new LinkedHashMap<>();
        for (String name : names) {
            Path pdf = out.resolve(safeName(name) + ".pdf");
            if (!Files.exists(pdf)) {
                throw new PdfUnavailable("LibreOffice could not convert " + name
                        + ": " + Files.readString(work.resolve("soffice.log")).strip());
            }
            pdfs.put(name, Files.readAllBytes(pdf));
        }
        return pdfs;
    }

    /** The directory the batches work in; where it is, and that nobody else may look inside. */
    public Path workRoot() {
        return workRoot;
    }

    /**
     * Creates the root (mode 700) or narrows an existing one to 700 (which fails on a directory someone else owns);
     * refuses a symbolic link, which another user could have planted in a shared temporary directory. Once per
     * process, it also deletes the batches a crashed process left behind.
     */
    private synchronized Path preparedRoot() throws IOException {
        if (Files.isSymbolicLink(workRoot)) {
            throw new IllegalStateException("the PDF work directory " + workRoot + " is a symbolic link: refusing to write letters there");
        }
        Files.createDirectories(workRoot, ownerOnly(OWNER_ONLY));
        if (POSIX && !Files.getPosixFilePermissions(workRoot, LinkOption.NOFOLLOW_LINKS).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(workRoot, OWNER_ONLY);
        }
        if (!rootPrepared) {
            deleteAbandonedBatches();
            rootPrepared = true;
        }
        return workRoot;
    }

    /** The batch directory was created by this process: a root owned by anyone else is not private. */
    private void requireOwnRoot(Path batch) throws IOException {
        if (!Files.getOwner(workRoot, LinkOption.NOFOLLOW_LINKS).equals(Files.getOwner(batch, LinkOption.NOFOLLOW_LINKS))) {
            throw new IllegalStateException("the PDF work directory " + workRoot + " belongs to another user: refusing to "
                    + "write letters there (set shagym.pdf-work-dir)");
        }
    }

    /** A live batch is never older than the timeout (it is stopped then, and deleted); anything older was abandoned. */
    private void deleteAbandonedBatches() throws IOException {
        Instant abandonedBefore = Instant.now().minus(timeout).minus(Duration.ofMinutes(10));
        try (Stream<Path> batches = Files.list(workRoot)) {
            for (Path batch : batches.filter(p -> p.getFileName().toString().startsWith(BATCH_PREFIX)).toList()) {
                if (Files.getLastModifiedTime(batch, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(abandonedBefore)) {
                    delete(batch);
                }
            }
        }
    }

    private static FileAttribute<?>[] ownerOnly(Set<PosixFilePermission> permissions) {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)} : new FileAttribute<?>[0];
    }

    private static String safeName(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** Deletes a batch directory; a file that cannot be deleted is logged (by path, never content) rather than ignored. */
    private static void delete(Path dir) {
        if (dir == null || !Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    log.warn("Could not delete the PDF conversion's temporary file {}: {}", file, e.toString());
                }
            }
        } catch (IOException | UncheckedIOException e) {
            log.warn("Could not delete the PDF conversion's temporary directory {}: {}", dir, e.toString());
        }
    }
}
