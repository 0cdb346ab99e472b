package kz.shagym.letter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Letters in the ledger and their DOCX files under the data directory; a filed letter's file is never rewritten. */
@Repository
public class LetterStore {

    public record StoredLetter(UUID id, UUID complaintId, UUID trackId, String kind, String language, String status,
                               int version, String filePath, String sha256, boolean stale, Instant createdAt,
                               Instant filedAt, String idempotencyKey) {}

    private final JdbcClient jdbc;
    private final Path lettersDir;

    LetterStore(JdbcClient jdbc, @Value("${shagym.data-dir}") Path dataDir) {
        this.jdbc = jdbc;
        this.lettersDir = dataDir.resolve("letters");
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
        Path file = write(complaintId, id, 1, docx);
        jdbc.sql("""
                insert into letter (id, complaint_id, track_id, kind, language, status, version, file_path, sha256, stale,
                  created_at, idempotency_key)
                values (:id, :c, :t, :kind, :lang, 'DRAFT', 1, :path, :sha, false, :now, :key)""")
                .param("id", id).param("c", complaintId).param("t", trackId).param("kind", kind).param("lang", language)
                .param("path", lettersDir.relativize(file).toString()).param("sha", sha256(docx))
                .param("now", now.atOffset(ZoneOffset.UTC)).param("key", idempotencyKey)
                .update();
        return find(id).orElseThrow();
    }

    void markStale(UUID complaintId, String kind) {
        jdbc.sql("update letter set stale = true where complaint_id = :c and kind = :k and status in ('DRAFT', 'APPROVED')")
                .param("c", complaintId).param("k", kind).update();
    }

    public byte[] content(StoredLetter letter) {
        try {
            return Files.readAllBytes(lettersDir.resolve(letter.filePath()));
        } catch (IOException e) {
            throw new UncheckedIOException("letter file missing: " + letter.filePath(), e);
        }
    }

    private Path write(UUID complaintId, UUID letterId, int version, byte[] docx) {
        try {
            Path dir = Files.createDirectories(lettersDir.resolve(complaintId.toString()));
            Path target = dir.resolve(letterId + "-v" + version + ".docx");
            Path temp = Files.createTempFile(dir, letterId.toString(), ".part");
            Files.write(temp, docx);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store letter under " + lettersDir, e);
        }
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
