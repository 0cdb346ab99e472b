package kz.shagym.attachment;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kz.shagym.clock.ShagymClock;
import kz.shagym.security.AuditLog;
import kz.shagym.security.VictimIdentityCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A complaint's attachments and the annexes each letter lists. Callers have checked who may do what (the case's
 * identity grant to read, write access to change); this checks the file and the choice, stores, and audits — the
 * audit names the attachment by id, type and size only (a title or file name may name the victim).
 */
@Service
public class Attachments {

    public static final int MAX_TITLE = 500;
    public static final int MAX_FILE_NAME = 255;
    static final String TITLE = "attachment_title";
    static final String FILE_NAME = "attachment_file_name";

    private final JdbcClient jdbc;
    private final VictimIdentityCipher cipher;
    private final AttachmentFiles files;
    private final AuditLog audit;
    private final ShagymClock clock;
    private final AttachmentProperties properties;

    Attachments(JdbcClient jdbc, VictimIdentityCipher cipher, AttachmentFiles files, AuditLog audit, ShagymClock clock,
                AttachmentProperties properties) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.files = files;
        this.audit = audit;
        this.clock = clock;
        this.properties = properties;
    }

    /** The largest file accepted, in bytes. */
    public long maxBytes() {
        return properties.maxBytes().toBytes();
    }

    /** Checks, seals and stores an upload; refuses with {@link AttachmentRefused} naming why. */
    @Transactional
    public Attachment upload(UUID complaintId, Upload upload, String actor) {
        String title = upload.title() == null ? "" : upload.title().strip();
        if (title.isEmpty()) {
            throw new AttachmentRefused(AttachmentRefused.Reason.TITLE_REQUIRED);
        }
        if (title.length() > MAX_TITLE) {
            throw new AttachmentRefused(AttachmentRefused.Reason.TITLE_TOO_LONG, MAX_TITLE);
        }
        if (upload.kind() == null) {
            throw new AttachmentRefused(AttachmentRefused.Reason.KIND_REQUIRED);
        }
        byte[] content = upload.content();
        if (content == null || content.length == 0) {
            throw new AttachmentRefused(AttachmentRefused.Reason.EMPTY);
        }
        if (content.length > maxBytes()) {
            throw new AttachmentRefused(AttachmentRefused.Reason.TOO_LARGE, properties.maxBytes().toMegabytes());
        }
        String fileName = fileName(upload.fileName());
        if (fileName.length() > MAX_FILE_NAME) {
            throw new AttachmentRefused(AttachmentRefused.Reason.FILE_NAME_TOO_LONG, MAX_FILE_NAME);
        }
        FileType type = FileType.detect(content).orElseThrow(() -> new AttachmentRefused(AttachmentRefused.Reason.UNSUPPORTED_TYPE));
        if (FileType.ofName(fileName).filter(type::equals).isEmpty()) {
            throw new AttachmentRefused(AttachmentRefused.Reason.NAME_MISMATCH, type.name(), fileName);
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        String sha256 = sha256(content);
        files.write(complaintId, id, content);
        jdbc.sql("""
                insert into attachment (id, complaint_id, title, kind, document_date, original_file_name, media_type,
                                        size_bytes, sha256, uploaded_by, uploaded_at)
                values (:id, :complaint, :title, :kind, :date, :name, :type, :size, :sha, :by, :at)""")
                .param("id", id).param("complaint", complaintId).param("title", cipher.encrypt(TITLE, id, title))
                .param("kind", upload.kind().name()).param("date", upload.documentDate())
                .param("name", cipher.encrypt(FILE_NAME, id, fileName)).param("type", type.mediaType())
                .param("size", (long) content.length).param("sha", sha256).param("by", actor)
                .param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).update();
        audit.record(actor, "ATTACHMENT_UPLOADED", "complaint " + complaintId + " attachment " + id,
                upload.kind() + " " + type + " " + content.length + " bytes sha256 " + sha256);
        return new Attachment(id, complaintId, title, upload.kind(), upload.documentDate(), fileName, type.mediaType(),
                content.length, sha256, actor, now);
    }

    /** The complaint's live attachments, oldest first. */
    public List<Attachment> ofComplaint(UUID complaintId) {
        return jdbc.sql("select * from attachment where complaint_id = :c and deleted_at is null order by uploaded_at, id")
                .param("c", complaintId).query(this::row).list();
    }

    public Optional<Attachment> find(UUID complaintId, UUID attachmentId) {
        return jdbc.sql("select * from attachment where id = :id and complaint_id = :c and deleted_at is null")
                .param("id", attachmentId).param("c", complaintId).query(this::row).optional();
    }

    /** The plain bytes of a live attachment, audited as a download (by id only). */
    public byte[] download(UUID complaintId, UUID attachmentId, String actor) {
        Attachment attachment = find(complaintId, attachmentId)
                .orElseThrow(() -> new AttachmentRefused(AttachmentRefused.Reason.NO_SUCH_ATTACHMENT));
        byte[] content = files.read(complaintId, attachmentId);
        audit.record(actor, "ATTACHMENT_DOWNLOADED", "complaint " + complaintId + " attachment " + attachmentId,
                attachment.kind() + " sha256 " + attachment.sha256());
        return content;
    }

    /** Deletes softly: the row stays (with its hash) for the record, the attachment leaves the list and every annex list. */
    @Transactional
    public void delete(UUID complaintId, UUID attachmentId, String actor) {
        int deleted = jdbc.sql("update attachment set deleted_at = :at where id = :id and complaint_id = :c and deleted_at is null")
                .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).param("id", attachmentId)
                .param("c", complaintId).update();
        if (deleted == 0) {
            throw new AttachmentRefused(AttachmentRefused.Reason.NO_SUCH_ATTACHMENT);
        }
        jdbc.sql("delete from letter_annex where attachment_id = :id").param("id", attachmentId).update();
        audit.record(actor, "ATTACHMENT_DELETED", "complaint " + complaintId + " attachment " + attachmentId, "soft delete");
    }

    /**
     * Replaces the attachments a letter of this complaint lists as annexes, in the given order (repeats dropped).
     * Each must be a live attachment of the same complaint.
     */
    @Transactional
    public List<Attachment> setAnnexes(UUID complaintId, UUID letterId, List<UUID> attachmentIds, String actor) {
        List<UUID> ids = List.copyOf(new LinkedHashSet<>(attachmentIds == null ? List.of() : attachmentIds));
        List<UUID> live = ofComplaint(complaintId).stream().map(Attachment::id).toList();
        for (UUID id : ids) {
            if (!live.contains(id)) {
                throw new AttachmentRefused(AttachmentRefused.Reason.NOT_OF_THIS_CASE);
            }
        }
        jdbc.sql("delete from letter_annex where letter_id = :l").param("l", letterId).update();
        for (int i = 0; i < ids.size(); i++) {
            jdbc.sql("insert into letter_annex (letter_id, attachment_id, position) values (:l, :a, :p)")
                    .param("l", letterId).param("a", ids.get(i)).param("p", i + 1).update();
        }
        audit.record(actor, "LETTER_ANNEXES_SET", "complaint " + complaintId + " letter " + letterId,
                ids.size() + " annexes: " + ids);
        return annexes(letterId);
    }

    /** The live attachments a letter lists, in the lawyer's order. */
    public List<Attachment> annexes(UUID letterId) {
        return jdbc.sql("""
                select a.* from letter_annex x join attachment a on a.id = x.attachment_id
                where x.letter_id = :l and a.deleted_at is null order by x.position""")
                .param("l", letterId).query(this::row).list();
    }

    private Attachment row(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        OffsetDateTime at = rs.getObject("uploaded_at", OffsetDateTime.class);
        return new Attachment(id, rs.getObject("complaint_id", UUID.class), cipher.decrypt(TITLE, id, rs.getString("title")),
                AttachmentKind.valueOf(rs.getString("kind")), rs.getObject("document_date", LocalDate.class),
                cipher.decrypt(FILE_NAME, id, rs.getString("original_file_name")), rs.getString("media_type"),
                rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("uploaded_by"), at.toInstant());
    }

    /** The name as sent, without any directory part a browser may add. */
    private static String fileName(String sent) {
        String name = sent == null ? "" : sent.strip();
        return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
