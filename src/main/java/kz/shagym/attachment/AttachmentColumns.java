package kz.shagym.attachment;

import java.util.Map;
import kz.shagym.security.AtRestRewriter;
import kz.shagym.security.EncryptedColumns;
import kz.shagym.security.VictimIdentityCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A key rotation re-encrypts the attachments' titles and file names (deleted ones too) under the active key. */
@Component
class AttachmentColumns implements AtRestRewriter {

    private final EncryptedColumns columns;

    AttachmentColumns(JdbcClient jdbc, VictimIdentityCipher cipher) {
        this.columns = new EncryptedColumns(jdbc, cipher, "attachment", "id",
                Map.of(Attachments.TITLE, "title", Attachments.FILE_NAME, "original_file_name"));
    }

    @Override
    public String name() {
        return "attachmentNames";
    }

    @Override
    public int rewriteAll() {
        return columns.rewriteAll();
    }
}
