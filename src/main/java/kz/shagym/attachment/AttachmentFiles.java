package kz.shagym.attachment;

import java.nio.file.Path;
import java.util.UUID;
import kz.shagym.security.AtRestRewriter;
import kz.shagym.security.SealedFiles;
import kz.shagym.security.StoredFileCipher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The attachments' bytes under {@code <data-dir>/attachments/<complaint>/<attachment>.bin}, always sealed
 * (StoredFileCipher, bound to the relative path): a medical report or a photo must not be readable in a copied data
 * directory. Written atomically (temporary file in the same directory, then rename). A key rotation re-seals them.
 */
@Component
class AttachmentFiles implements AtRestRewriter {

    private final SealedFiles files;

    AttachmentFiles(@Value("${shagym.data-dir}") Path dataDir, StoredFileCipher cipher) {
        this.files = new SealedFiles(dataDir.resolve("attachments"), cipher, ".bin", false);
    }

    void write(UUID complaintId, UUID attachmentId, byte[] plain) {
        files.write(relative(complaintId, attachmentId), plain);
    }

    byte[] read(UUID complaintId, UUID attachmentId) {
        return files.read(relative(complaintId, attachmentId));
    }

    @Override
    public String name() {
        return "attachmentFiles";
    }

    @Override
    public int rewriteAll() {
        return files.rewriteAll();
    }

    private static String relative(UUID complaintId, UUID attachmentId) {
        return complaintId + "/" + attachmentId + ".bin";
    }
}
