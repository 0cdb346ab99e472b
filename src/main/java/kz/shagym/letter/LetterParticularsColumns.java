package kz.shagym.letter;

import java.util.Map;
import kz.shagym.security.AtRestRewriter;
import kz.shagym.security.EncryptedColumns;
import kz.shagym.security.VictimIdentityCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A key rotation re-encrypts the lawyer's statements kept per letter (why a term was missed, the risk, the justification
 * of delay, other procedures) under the active key; each is bound to the letter's id and its column.
 */
@Component
class LetterParticularsColumns implements AtRestRewriter {

    private final EncryptedColumns columns;

    LetterParticularsColumns(JdbcClient jdbc, VictimIdentityCipher cipher) {
        this.columns = new EncryptedColumns(jdbc, cipher, "letter_particulars", "letter_id", Map.of(
                LetterParticularsStore.MISSED_TERM_REASON, LetterParticularsStore.MISSED_TERM_REASON,
                LetterParticularsStore.RISK_STATEMENT, LetterParticularsStore.RISK_STATEMENT,
                LetterParticularsStore.DELAY_JUSTIFICATION, LetterParticularsStore.DELAY_JUSTIFICATION,
                LetterParticularsStore.OTHER_PROCEDURES, LetterParticularsStore.OTHER_PROCEDURES));
    }

    @Override
    public String name() {
        return "letterParticulars";
    }

    @Override
    public int rewriteAll() {
        return columns.rewriteAll();
    }
}
