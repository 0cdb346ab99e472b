package kz.shagym.letter;

import java.nio.file.Path;
import java.util.UUID;
import kz.shagym.security.AtRestRewriter;
import kz.shagym.security.SealedFiles;
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

    private final SealedFiles files;
    private final StoredFileCipher cipher;

    LetterFiles(@Value("${shagym.data-dir}") Path dataDir, StoredFileCipher cipher) {
        this.files = new SealedFiles(dataDir.resolve("letters"), cipher, ".docx", true);
        this.cipher = cipher;
    }

    /** Seals and writes one version atomically; returns its path relative to the letters directory. */
    String write(UUID complaintId, UUID letterId, int version, byte[] docx) {
        String relative = complaintId + "/" + letterId + "-v" + version + ".docx";
        files.write(relative, docx);
        return relative;
    }

    /** The plain DOCX of a stored version, whether sealed or (written before encryption) plain. */
    byte[] read(String relativePath) {
        return files.read(relativePath);
    }

    @Override
    public String name() {
        return "letterFiles";
    }

    /** Re-encrypts every letter file not under the active key, seals plain ones, and deletes abandoned partial writes. */
    @Override
    public int rewriteAll() {
        return files.rewriteAll();
    }

    @EventListener(ApplicationReadyEvent.class)
    void sealFilesWrittenBeforeEncryption() {
        int sealed = rewriteAll();
        if (sealed > 0) {
            log.info("Re-encrypted {} letter files under key {} (plain from before encryption, or under an older key)",
                    sealed, cipher.activeKeyId());
        }
    }
}
