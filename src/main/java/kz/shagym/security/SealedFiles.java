package kz.shagym.security;

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
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A directory of files sealed at rest with {@link StoredFileCipher}, each bound to its path relative to the directory:
 * written atomically (a temporary file beside it, then a rename, so a reader sees the old file or the new one, never half
 * of one), read back plain, and re-sealed under the active key by {@link #rewriteAll()} after a key rotation. The letters
 * and the attachments keep their files here.
 */
public final class SealedFiles {

    private static final Logger log = LoggerFactory.getLogger(SealedFiles.class);
    /** A ".part" file this old is a write that crashed before its rename: nothing points at it. */
    private static final Duration ABANDONED_WRITE = Duration.ofHours(1);

    private final Path dir;
    private final StoredFileCipher cipher;
    private final String extension;
    private final boolean plainAllowed;

    /**
     * @param extension    the files' ending (".docx", ".bin"): only these are rewritten
     * @param plainAllowed whether an unsealed file is read as it is (letters written before encryption) or refused
     */
    public SealedFiles(Path dir, StoredFileCipher cipher, String extension, boolean plainAllowed) {
        this.dir = dir;
        this.cipher = cipher;
        this.extension = extension;
        this.plainAllowed = plainAllowed;
    }

    /** Seals and writes one file, creating its directory. */
    public void write(String relative, byte[] plain) {
        Path target = dir.resolve(relative);
        try {
            Files.createDirectories(target.getParent());
            replace(target, cipher.seal(plain, context(relative)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store " + relative + " under " + dir, e);
        }
    }

    /** The plain content of a stored file. */
    public byte[] read(String relative) {
        byte[] stored;
        try {
            stored = Files.readAllBytes(dir.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException("file missing: " + relative + " under " + dir, e);
        }
        return plainAllowed && !StoredFileCipher.isSealed(stored) ? stored : cipher.open(stored, context(relative));
    }

    /** Re-seals every file not under the active key (and seals plain ones), deleting abandoned partial writes. */
    public int rewriteAll() {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the files under " + dir, e);
        }
        int rewritten = 0;
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (name.endsWith(extension)) {
                rewritten += rewrite(file) ? 1 : 0;
            } else if (name.endsWith(".part")) {
                deleteIfAbandoned(file);
            }
        }
        return rewritten;
    }

    private boolean rewrite(Path file) {
        String relative = context(dir.relativize(file).toString());
        try {
            byte[] head;
            try (InputStream in = Files.newInputStream(file)) {
                head = in.readNBytes(StoredFileCipher.maxHeaderLength());
            }
            if (!cipher.needsRewrite(head)) {
                return false;
            }
            byte[] stored = Files.readAllBytes(file);
            byte[] plain = StoredFileCipher.isSealed(stored) ? cipher.open(stored, relative) : stored;
            replace(file, cipher.seal(plain, relative));
            return true;
        } catch (IOException | IdentityCryptoException e) {
            // One unreadable file (damaged, or under a key no longer configured) must not stop the others or the start.
            log.error("Could not re-encrypt the file {} under {}: {}", relative, dir, e.getMessage());
            return false;
        }
    }

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
            log.warn("Could not delete the abandoned partial file {}: {}", file, e.getMessage());
        }
    }

    /** The associated data binding a file to its place: its relative path with '/' on every platform. */
    private static String context(String relative) {
        return relative.replace(File.separatorChar, '/');
    }
}
