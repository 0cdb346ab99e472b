package kz.shagym.attachment;

import java.util.List;
import java.util.UUID;
import kz.shagym.security.AtRestRewriter;
import kz.shagym.security.IdentityCryptoException;
import kz.shagym.security.VictimIdentityCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A key rotation re-encrypts the attachments' titles and file names (deleted ones too) under the active key. */
@Component
class AttachmentColumns implements AtRestRewriter {

    private static final Logger log = LoggerFactory.getLogger(AttachmentColumns.class);

    private record Stored(UUID id, String title, String fileName) {}

    private final JdbcClient jdbc;
    private final VictimIdentityCipher cipher;

    AttachmentColumns(JdbcClient jdbc, VictimIdentityCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    @Override
    public String name() {
        return "attachmentNames";
    }

    @Override
    public int rewriteAll() {
        List<Stored> rows = jdbc.sql("select id, title, original_file_name from attachment")
                .query((rs, n) -> new Stored(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("original_file_name")))
                .list();
        int rewritten = 0;
        for (Stored row : rows) {
            if (!cipher.needsRewrite(row.title()) && !cipher.needsRewrite(row.fileName())) {
                continue;
            }
            try {
                jdbc.sql("update attachment set title = :t, original_file_name = :n where id = :id")
                        .param("t", cipher.encrypt(Attachments.TITLE, row.id(), cipher.decrypt(Attachments.TITLE, row.id(), row.title())))
                        .param("n", cipher.encrypt(Attachments.FILE_NAME, row.id(),
                                cipher.decrypt(Attachments.FILE_NAME, row.id(), row.fileName())))
                        .param("id", row.id()).update();
                rewritten++;
            } catch (IdentityCryptoException e) {
                log.error("Could not re-encrypt the title and file name of attachment {}: {}", row.id(), e.getMessage());
            }
        }
        return rewritten;
    }
}
