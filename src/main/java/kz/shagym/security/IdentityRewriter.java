package kz.shagym.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rewrites every complaint whose encrypted columns (identity, medical facts) are not all under the active key: after a
 * key rotation (decrypt with the old key, encrypt with the new) and once after migration V5 (plain text from before
 * encryption). Each row is compared-and-set on all its old values, so a concurrent writer is never overwritten; a row
 * that changed is picked up by the next run.
 */
public final class IdentityRewriter {

    /** Cipher field (bound into each value as associated data) → column; the birth date's column was renamed in V5. */
    private static final Map<String, String> IDENTITY = Map.of(
            VictimIdentityCipher.FULL_NAME, "victim_full_name",
            VictimIdentityCipher.BIRTH_DATE, "victim_birth_date_enc");

    private final JdbcClient jdbc;
    private final VictimIdentityCipher cipher;
    private final Map<String, String> columns = new LinkedHashMap<>();

    /** Identity and medical facts: the whole row as it is since V8. */
    public IdentityRewriter(JdbcClient jdbc, VictimIdentityCipher cipher) {
        this(jdbc, cipher, true);
    }

    private IdentityRewriter(JdbcClient jdbc, VictimIdentityCipher cipher, boolean medical) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        columns.putAll(IDENTITY);
        if (medical) {
            VictimIdentityCipher.MEDICAL_FIELDS.forEach(field -> columns.put(field, field));
            columns.put(VictimIdentityCipher.CASE_FILE, VictimIdentityCipher.CASE_FILE);
        }
    }

    /** For migration 5.1, which runs before V8 adds the medical columns (they never held plain text). */
    public static IdentityRewriter identityOnly(JdbcClient jdbc, VictimIdentityCipher cipher) {
        return new IdentityRewriter(jdbc, cipher, false);
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
        Map<String, Object> row = jdbc.sql("select victim_name_index, " + String.join(", ", columns.values())
                        + " from complaint where id = :id")
                .param("id", id).query().listOfRows().stream().findFirst().orElse(null);
        if (row == null || !stale(row)) {
            return false;
        }
        List<String> assignments = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        int i = 0;
        for (var column : columns.entrySet()) {
            String stored = (String) row.get(column.getValue());
            assignments.add(column.getValue() + " = :new" + i);
            unchanged.add("coalesce(" + column.getValue() + ", '') = :old" + i);
            params.put("new" + i, cipher.encrypt(column.getKey(), id, plain(column.getKey(), id, stored)));
            params.put("old" + i, stored == null ? "" : stored);
            i++;
        }
        String name = plain(VictimIdentityCipher.FULL_NAME, id, (String) row.get("victim_full_name"));
        var statement = jdbc.sql("update complaint set victim_name_index = :nameIndex, " + String.join(", ", assignments)
                        + " where id = :id and " + String.join(" and ", unchanged))
                .param("nameIndex", cipher.nameIndex(name)).param("id", id);
        for (var param : params.entrySet()) {
            statement = statement.param(param.getKey(), param.getValue());
        }
        return statement.update() == 1;
    }

    private boolean stale(Map<String, Object> row) {
        String nameIndex = (String) row.get("victim_name_index");
        return columns.values().stream().anyMatch(column -> cipher.needsRewrite((String) row.get(column)))
                || nameIndex == null || !nameIndex.startsWith(cipher.activeKeyId() + ":");
    }

    private String plain(String field, UUID id, String stored) {
        return stored == null || !VictimIdentityCipher.isEnvelope(stored) ? stored : cipher.decrypt(field, id, stored);
    }
}
