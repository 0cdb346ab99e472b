package kz.shagym.security;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rewrites every complaint whose identity is not under the active key: after a key rotation (decrypt with the old key,
 * encrypt with the new) and once after migration V5 (plain text from before encryption). Each row is compared-and-set
 * on its old value, so a concurrent writer is never overwritten; a row that changed is picked up by the next run.
 */
public final class IdentityRewriter {

    private record Stored(UUID id, String name, String birthDate, String nameIndex) {}

    private final JdbcClient jdbc;
    private final VictimIdentityCipher cipher;

    public IdentityRewriter(JdbcClient jdbc, VictimIdentityCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** Returns how many rows were rewritten. */
    public int rewriteAll() {
        List<UUID> ids = jdbc.sql("select id from complaint order by created_at").query(UUID.class).list();
        int rewritten = 0;
        for (UUID id : ids) {
            rewritten += rewrite(id) ? 1 : 0;
        }
        return rewritten;
    }

    private boolean rewrite(UUID id) {
        Stored row = jdbc.sql("select id, victim_full_name, victim_birth_date_enc, victim_name_index from complaint where id = :id")
                .param("id", id)
                .query((rs, i) -> new Stored(rs.getObject("id", UUID.class), rs.getString("victim_full_name"),
                        rs.getString("victim_birth_date_enc"), rs.getString("victim_name_index")))
                .optional().orElse(null);
        if (row == null || !stale(row)) {
            return false;
        }
        String name = plain(VictimIdentityCipher.FULL_NAME, row.id(), row.name());
        String birthDate = plain(VictimIdentityCipher.BIRTH_DATE, row.id(), row.birthDate());
        return jdbc.sql("""
                update complaint set victim_full_name = :name, victim_birth_date_enc = :birthDate, victim_name_index = :nameIndex
                where id = :id and victim_full_name = :oldName""")
                .param("name", cipher.encrypt(VictimIdentityCipher.FULL_NAME, row.id(), name))
                .param("birthDate", cipher.encrypt(VictimIdentityCipher.BIRTH_DATE, row.id(), birthDate))
                .param("nameIndex", cipher.nameIndex(name))
                .param("id", row.id()).param("oldName", row.name())
                .update() == 1;
    }

    private boolean stale(Stored row) {
        return cipher.needsRewrite(row.name()) || cipher.needsRewrite(row.birthDate())
                || row.nameIndex() == null || !row.nameIndex().startsWith(cipher.activeKeyId() + ":");
    }

    private String plain(String field, UUID id, String stored) {
        return stored == null || !VictimIdentityCipher.isEnvelope(stored) ? stored : cipher.decrypt(field, id, stored);
    }
}
