package kz.shagym.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Re-encrypts a table's columns sealed under the identity keys (each value bound to its row's id and its cipher field)
 * under the active key, for a feature's {@link AtRestRewriter}. Each row is compared-and-set on all its old values, so a
 * value written meanwhile is never overwritten: it is already under the active key. A row that cannot be decrypted is
 * logged and left, so that one damaged row does not stop the rotation.
 */
public final class EncryptedColumns {

    private static final Logger log = LoggerFactory.getLogger(EncryptedColumns.class);

    private final JdbcClient jdbc;
    private final VictimIdentityCipher cipher;
    private final String table;
    private final String idColumn;
    /** Cipher field (the associated data) → column. */
    private final Map<String, String> columns;

    public EncryptedColumns(JdbcClient jdbc, VictimIdentityCipher cipher, String table, String idColumn,
                            Map<String, String> columns) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.table = table;
        this.idColumn = idColumn;
        this.columns = new LinkedHashMap<>(columns);
    }

    /** Returns how many rows were rewritten. */
    public int rewriteAll() {
        List<Map<String, Object>> rows = jdbc.sql("select " + idColumn + ", " + String.join(", ", columns.values()) + " from " + table)
                .query().listOfRows();
        int rewritten = 0;
        for (Map<String, Object> row : rows) {
            if (columns.values().stream().noneMatch(column -> cipher.needsRewrite((String) row.get(column)))) {
                continue;
            }
            UUID id = (UUID) row.get(idColumn);
            try {
                rewritten += rewrite(id, row);
            } catch (IdentityCryptoException e) {
                log.error("Could not re-encrypt {} of {} {}: {}", columns.values(), table, id, e.getMessage());
            }
        }
        return rewritten;
    }

    private int rewrite(UUID id, Map<String, Object> row) {
        StringBuilder set = new StringBuilder();
        StringBuilder unchanged = new StringBuilder();
        Map<String, Object> params = new LinkedHashMap<>();
        int i = 0;
        for (var column : columns.entrySet()) {
            String stored = (String) row.get(column.getValue());
            set.append(set.isEmpty() ? "" : ", ").append(column.getValue()).append(" = :new").append(i);
            unchanged.append(" and coalesce(").append(column.getValue()).append(", '') = :old").append(i);
            params.put("new" + i, stored == null ? null
                    : cipher.encrypt(column.getKey(), id, cipher.decrypt(column.getKey(), id, stored)));
            params.put("old" + i, stored == null ? "" : stored);
            i++;
        }
        var update = jdbc.sql("update " + table + " set " + set + " where " + idColumn + " = :id" + unchanged).param("id", id);
        for (var param : params.entrySet()) {
            update = update.param(param.getKey(), param.getValue());
        }
        return update.update();
    }
}
