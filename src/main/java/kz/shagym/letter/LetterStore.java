package kz.shagym.letter;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Letters in the ledger and their DOCX files under the data directory ({@link LetterFiles}: encrypted at rest). A filed
 * letter's content never changes: only a key rotation re-encrypts its file, and its SHA-256 is that of the plain DOCX.
 */
@Repository
public class LetterStore {

    public record StoredLetter(UUID id, UUID complaintId, UUID trackId, String kind, String language, String status,
                               int version, @com.fasterxml.jackson.annotation.JsonIgnore String filePath, String sha256, boolean stale, Instant createdAt,
                               Instant filedAt, String idempotencyKey) {}

    private final JdbcClient jdbc;
    private final LetterFiles files;

    LetterStore(JdbcClient jdbc, LetterFiles files) {
        this.jdbc = jdbc;
        this.files = files;
    }

    Optional<StoredLetter> byIdempotencyKey(String key) {
        return jdbc.sql("select * from letter where idempotency_key = :k").param("k", key).query(this::map).optional();
    }

    public Optional<StoredLetter> find(UUID id) {
        return jdbc.sql("select * from letter where id = :id").param("id", id).query(this::map).optional();
    }

    public List<StoredLetter> ofComplaint(UUID complaintId) {
        return jdbc.sql("select * from letter where complaint_id = :c order by created_at").param("c", complaintId).query(this::map).list();
    }

    /** Writes the file first, then the row: a crash in between leaves an orphan file, never a row without a file. */
    StoredLetter insert(UUID complaintId, UUID trackId, String kind, String language, byte[] docx, String idempotencyKey, Instant now) {
        UUID id = UUID.randomUUID();
        String file = files.write(complaintId, id, 1, docx);
        jdbc.sql("""
                insert into letter (id, complaint_id, track_id, kind, language, status, version, file_path, sha256, stale,
                  created_at, idempotency_key)
                values (:id, :c, :t, :kind, :lang, 'DRAFT', 1, :path, :sha, false, :now, :key)""")
                .param("id", id).param("c", complaintId).param("t", trackId).param("kind", kind).param("lang", language)
                .param("path", file).param("sha", sha256(docx))
                .param("now", now.atOffset(ZoneOffset.UTC)).param("key", idempotencyKey)
                .update();
        insertVersion(id, 1, file, docx, "GENERATED", null, "engine", now);
        return find(id).orElseThrow();
    }

    public record Version(int version, String sha256, String source, String note, String createdBy, Instant createdAt,
                          @com.fasterxml.jackson.annotation.JsonIgnore String filePath) {}

    public List<Version> versions(UUID letterId) {
        return jdbc.sql("select * from letter_version where letter_id = :l order by version").param("l", letterId)
                .query((rs, i) -> new Version(rs.getInt("version"), rs.getString("sha256"), rs.getString("source"),
                        rs.getString("note"), rs.getString("created_by"), instant(rs.getObject("created_at", OffsetDateTime.class)),
                        rs.getString("file_path")))
                .list();
    }

    /** The plain DOCX of one version. */
    public byte[] content(Version version) {
        return files.read(version.filePath());
    }

    /** A new current version (edited upload or regeneration): back to DRAFT for review, no longer stale. */
    StoredLetter addVersion(StoredLetter letter, byte[] docx, String source, String note, String user, Instant now) {
        int next = letter.version() + 1;
        String file = files.write(letter.complaintId(), letter.id(), next, docx);
        insertVersion(letter.id(), next, file, docx, source, note, user, now);
        jdbc.sql("""
                update letter set version = :v, file_path = :path, sha256 = :sha, stale = false, status = 'DRAFT',
                  reviewed_by = null, reviewed_at = null, review_note = null
                where id = :id and version = :current""")
                .param("v", next).param("path", file).param("sha", sha256(docx))
                .param("id", letter.id()).param("current", letter.version()).update();
        return find(letter.id()).orElseThrow();
    }

    /** The letter's current review, and the same kept in letter_review: a later version clears the one, never the other. */
    void review(StoredLetter letter, String status, String note, String user, Instant now) {
        jdbc.sql("update letter set status = :s, review_note = :n, reviewed_by = :u, reviewed_at = :now where id = :id")
                .param("s", status).param("n", note).param("u", user).param("now", now.atOffset(ZoneOffset.UTC))
                .param("id", letter.id()).update();
        jdbc.sql("""
                insert into letter_review (id, letter_id, complaint_id, version, decision, note, reviewed_by, reviewed_at)
                values (:id, :l, :c, :v, :d, :n, :u, :now)""")
                .param("id", UUID.randomUUID()).param("l", letter.id()).param("c", letter.complaintId())
                .param("v", letter.version()).param("d", status).param("n", note).param("u", user)
                .param("now", now.atOffset(ZoneOffset.UTC)).update();
    }

    /** One review of one version: who approved or rejected it, when, with what comment. */
    public record Review(UUID letterId, String kind, int version, ReviewDecision decision, String note, String reviewedBy,
                         Instant reviewedAt) {}

    /** Every review of the letter, oldest first. */
    public List<Review> reviews(UUID letterId) {
        return jdbc.sql("""
                select r.*, l.kind from letter_review r join letter l on l.id = r.letter_id
                where r.letter_id = :l order by r.reviewed_at, r.version""")
                .param("l", letterId).query(this::review).list();
    }

    /** Every review of the complaint's letters, oldest first (the case timeline). */
    public List<Review> reviewsOfComplaint(UUID complaintId) {
        return jdbc.sql("""
                select r.*, l.kind from letter_review r join letter l on l.id = r.letter_id
                where r.complaint_id = :c order by r.reviewed_at, r.version""")
                .param("c", complaintId).query(this::review).list();
    }

    private Review review(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Review(rs.getObject("letter_id", UUID.class), rs.getString("kind"), rs.getInt("version"),
                ReviewDecision.valueOf(rs.getString("decision")), rs.getString("note"), rs.getString("reviewed_by"),
                instant(rs.getObject("reviewed_at", OffsetDateTime.class)));
    }

    private void insertVersion(UUID letterId, int version, String file, byte[] docx, String source, String note, String user, Instant now) {
        jdbc.sql("""
                insert into letter_version (id, letter_id, version, file_path, sha256, source, note, created_by, created_at)
                values (:id, :l, :v, :path, :sha, :source, :note, :by, :now)""")
                .param("id", UUID.randomUUID()).param("l", letterId).param("v", version)
                .param("path", file).param("sha", sha256(docx)).param("source", source)
                .param("note", note).param("by", user).param("now", now.atOffset(ZoneOffset.UTC)).update();
    }

    /** The language the letter is written in from its next version on (the versions before keep theirs). */
    void changeLanguage(UUID letterId, String language) {
        jdbc.sql("update letter set language = :lang where id = :id").param("lang", language).param("id", letterId).update();
    }

    void markStale(UUID complaintId, String kind) {
        jdbc.sql("update letter set stale = true where complaint_id = :c and kind = :k and status in ('DRAFT', 'APPROVED')")
                .param("c", complaintId).param("k", kind).update();
    }

    /** The plain DOCX of the current version. */
    public byte[] content(StoredLetter letter) {
        return files.read(letter.filePath());
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private StoredLetter map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new StoredLetter(rs.getObject("id", UUID.class), rs.getObject("complaint_id", UUID.class),
                rs.getObject("track_id", UUID.class), rs.getString("kind"), rs.getString("language"), rs.getString("status"),
                rs.getInt("version"), rs.getString("file_path"), rs.getString("sha256"), rs.getBoolean("stale"),
                instant(rs.getObject("created_at", OffsetDateTime.class)), instant(rs.getObject("filed_at", OffsetDateTime.class)),
                rs.getString("idempotency_key"));
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
