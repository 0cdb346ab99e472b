package kz.shagym.letter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.shagym.security.AtRestRewriter;
import kz.shagym.security.IdentityCryptoException;
import kz.shagym.security.VictimIdentityCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A key rotation re-encrypts the lawyer's statements kept per letter (why a term was missed, the risk, the justification
 * of delay, other procedures) under the active key. Each row is compared-and-set on its old values, so a statement the
 * lawyer changes meanwhile is never overwritten; it is already under the active key.
 */
@Component
class LetterParticularsColumns implements AtRestRewriter {

    private static final Logger log = LoggerFactory.getLogger(LetterParticularsColumns.class);
    private static final List<String> COLUMNS = List.of(LetterParticularsStore.MISSED_TERM_REASON,
            LetterParticularsStore.RISK_STATEMENT, LetterParticularsStore.DELAY_JUSTIFICATION,
            LetterParticularsStore.OTHER_PROCEDURES);

    private final JdbcClient jdbc;
    private final VictimIdentityCipher cipher;

    LetterParticularsColumns(JdbcClient jdbc, VictimIdentityCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    @Override
    public String name() {
        return "letterParticulars";
    }

    @Override
    public int rewriteAll() {
        List<Map<String, Object>> rows = jdbc.sql("select letter_id, " + String.join(", ", COLUMNS) + " from letter_particulars")
                .query().listOfRows();
        int rewritten = 0;
        for (Map<String, Object> row : rows) {
            UUID letter = (UUID) row.get("letter_id");
            if (COLUMNS.stream().noneMatch(column -> cipher.needsRewrite((String) row.get(column)))) {
                continue;
            }
            try {
                Map<String, Object> params = new LinkedHashMap<>();
                StringBuilder set = new StringBuilder();
                StringBuilder unchanged = new StringBuilder();
                for (String column : COLUMNS) {
                    String stored = (String) row.get(column);
                    set.append(set.isEmpty() ? "" : ", ").append(column).append(" = :new_").append(column);
                    unchanged.append(" and coalesce(").append(column).append(", '') = :old_").append(column);
                    params.put("new_" + column, stored == null ? null : cipher.encrypt(column, letter, cipher.decrypt(column, letter, stored)));
                    params.put("old_" + column, stored == null ? "" : stored);
                }
                var update = jdbc.sql("update letter_particulars set " + set + " where letter_id = :id" + unchanged)
                        .param("id", letter);
                for (var param : params.entrySet()) {
                    update = update.param(param.getKey(), param.getValue());
                }
                rewritten += update.update();
            } catch (IdentityCryptoException e) {
                log.error("Could not re-encrypt the particulars of letter {}: {}", letter, e.getMessage());
            }
        }
        return rewritten;
    }
}
