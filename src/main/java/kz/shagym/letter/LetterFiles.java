package kz.shagym.letter;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import kz.shagym.security.AtRestRewriter;
import kz.shagym.security.IdentityCryptoException;
import kz.shagym.security.StoredFileCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The letters' DOCX files under {@code <data-dir>/letters/<complaint>/<letter>-v<n>.docx}, encrypted at rest: a letter
 * names the victim, so a copied data directory must not. Callers see plain DOCX; the ledger's SHA-256 is that of the
 * plain DOCX, so re-encrypting a filed letter's file (after a key rotation) leaves its frozen hash true.
 * Files written before encryption are plain DOCX: they are still read, and sealed on start and by every key rotation.
 */
@Component
class LetterFiles implements AtRestRewriter {

    private static final Logger log = LoggerFactory.getLogger(LetterFiles.class);
    /** A ".part" file this old is a write that crashed before its rename: no letter row points at it. */
    private static final Duration ABANDONED_WRITE = Duration.ofHours(1);

    private final Path dir;
    private final StoredFileCipher cipher;

    LetterFiles(@Value("${shagym.data-dir}") Path dataDir, StoredFileCipher cipher) {
        this.dir = dataDir.resolve("letters");
        this.cipher = cipher;
    }

    /** Seals and writes one version atomically (temporary file, then rename); returns its path relative to the letters directory. */
    String write(UUID complaintId, UUID letterId, int version, byte[] docx) {
        String relative = complaintId + "/" + letterId + "-v" + version + ".docx";
        try {
            Files.createDirectories(dir.resolve(complaintId.toString()));
            replace(dir.resolve(relative), cipher.seal(docx, relative));
            return relative;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store letter under " + dir, e);
        }
    }

    /** The plain DOCX of a stored version, whether sealed or (written before encryption) plain. */
    byte[] read(String relativePath) {
        byte[] stored;
        try {
            stored = Files.readAllBytes(dir.resolve(relativePath));
        } catch (IOException e) {
            throw new UncheckedIOException("letter file missing: " + relativePath, e);
        }
        return StoredFileCipher.isSealed(stored) ? cipher.open(stored, context(relativePath)) : stored;
    }

    @Override
    public String name() {
        return "letterFiles";
    }

    /** Re-encrypts every letter file not under the active key, seals plain ones, and deletes abandoned partial writes. */
    @Override
    public int rewriteAll() {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int rewritten = 0;
        for (Path file : files()) {
            String name = file.getFileName().toString();
            if (name.endsWith(".docx")) {
                rewritten += rewrite(file) ? 1 : 0;
            } else if (name.endsWith(".part")) {
                deleteIfAbandoned(file);
            }
        }
        return rewritten;
    }

    @EventListener(ApplicationReadyEvent.class)
    void sealFilesWrittenBeforeEncryption() {
        int sealed = rewriteAll();
        if (sealed > 0) {
            log.info("Re-encrypted {} letter files under key {} (plain from before encryption, or under an older key)",
                    sealed, cipher.activeKeyId());
        }
    }

    private List<Path> files() {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the letter files under " + dir, e);
        }
    }

    private boolean rewrite(Path file) {
        String relative = context(dir.relativize(file).toString());
        try {
            if (!cipher.needsRewrite(head(file))) {
                return false;
            }
            byte[] stored = Files.readAllBytes(file);
            byte[] plain = StoredFileCipher.isSealed(stored) ? cipher.open(stored, relative) : stored;
            replace(file, cipher.seal(plain, relative));
            return true;
        } catch (IOException | IdentityCryptoException e) {
            // One unreadable file (damaged, or under a key no longer configured) must not stop the others or the start.
            log.error("Could not re-encrypt the letter file {}: {}", relative, e.getMessage());
            return false;
        }
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(StoredFileCipher.maxHeaderLength());
        }
    }

    /** Same directory, so the rename is atomic: a reader sees the old file or the new one, never half of one. */
    private static void replace(Path target, byte[] content) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
        try {
            Files.write(temp, content);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void deleteIfAbandoned(Path file) {
        try {
            if (Files.getLastModifiedTime(file).toInstant().isBefore(Instant.now().minus(ABANDONED_WRITE))) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            log.warn("Could not delete the abandoned partial letter file {}: {}", file, e.getMessage());
        }
    }

    /** The associated data binding a file to its place: its relative path with '/' on every platform. */
    private static String context(String relativePath) {
        return relativePath.replace(File.separatorChar, '/');
    }
}
