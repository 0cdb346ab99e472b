package kz.shagym.attachment;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import kz.shagym.security.AtRestRewriter;
import kz.shagym.security.IdentityCryptoException;
import kz.shagym.security.StoredFileCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The attachments' bytes under {@code <data-dir>/attachments/<complaint>/<attachment>.bin}, always sealed
 * (StoredFileCipher, bound to the relative path): a medical report or a photo must not be readable in a copied data
 * directory. Written atomically (temporary file in the same directory, then rename). A key rotation re-seals them.
 */
@Component
class AttachmentFiles implements AtRestRewriter {

    private static final Logger log = LoggerFactory.getLogger(AttachmentFiles.class);

    private final Path dir;
    private final StoredFileCipher cipher;

    AttachmentFiles(@Value("${shagym.data-dir}") Path dataDir, StoredFileCipher cipher) {
        this.dir = dataDir.resolve("attachments");
        this.cipher = cipher;
    }

    void write(UUID complaintId, UUID attachmentId, byte[] plain) {
        String relative = relative(complaintId, attachmentId);
        try {
            Files.createDirectories(dir.resolve(complaintId.toString()));
            replace(dir.resolve(relative), cipher.seal(plain, relative));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store an attachment under " + dir, e);
        }
    }

    byte[] read(UUID complaintId, UUID attachmentId) {
        String relative = relative(complaintId, attachmentId);
        try {
            return cipher.open(Files.readAllBytes(dir.resolve(relative)), relative);
        } catch (IOException e) {
            throw new UncheckedIOException("attachment file missing: " + relative, e);
        }
    }

    @Override
    public String name() {
        return "attachmentFiles";
    }

    @Override
    public int rewriteAll() {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().endsWith(".bin")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the attachment files under " + dir, e);
        }
        int rewritten = 0;
        for (Path file : files) {
            String relative = dir.relativize(file).toString().replace(File.separatorChar, '/');
            try {
                byte[] head;
                try (InputStream in = Files.newInputStream(file)) {
                    head = in.readNBytes(StoredFileCipher.maxHeaderLength());
                }
                if (cipher.needsRewrite(head)) {
                    replace(file, cipher.seal(cipher.open(Files.readAllBytes(file), relative), relative));
                    rewritten++;
                }
            } catch (IOException | IdentityCryptoException e) {
                log.error("Could not re-encrypt the attachment file {}: {}", relative, e.getMessage());
            }
        }
        return rewritten;
    }

    private static String relative(UUID complaintId, UUID attachmentId) {
        return complaintId + "/" + attachmentId + ".bin";
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
}
