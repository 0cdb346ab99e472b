package kz.shagym.letter;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import kz.shagym.security.VictimIdentityCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Per letter: the addressee as the lawyer corrected it and the lawyer's particulars (table letter_particulars). The
 * statements are encrypted like the victim's identity, each bound to the letter's id and its column.
 */
@Repository
public class LetterParticularsStore {

    static final String MISSED_TERM_REASON = "missed_term_reason";
    static final String RISK_STATEMENT = "risk_statement";
    static final String DELAY_JUSTIFICATION = "delay_justification";
    static final String OTHER_PROCEDURES = "other_procedures";

    /** What is stored for a letter. {@code addresseeLines} empty: the registry's heading applies. */
    public record Stored(List<String> addresseeLines, LetterParticulars particulars) {
        public static final Stored NONE = new Stored(List.of(), LetterParticulars.NONE);

        public Stored {
            addresseeLines = addresseeLines == null ? List.of() : addresseeLines.stream().map(String::strip)
                    .filter(line -> !line.isEmpty()).toList();
            particulars = particulars == null ? LetterParticulars.NONE : particulars;
        }
    }

    private final JdbcClient jdbc;
    private final VictimIdentityCipher cipher;

    LetterParticularsStore(JdbcClient jdbc, VictimIdentityCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    public Stored find(UUID letterId) {
        if (letterId == null) {
            return Stored.NONE;
        }
        return jdbc.sql("select * from letter_particulars where letter_id = :id").param("id", letterId)
                .query((rs, i) -> new Stored(
                        rs.getString("addressee_lines") == null ? List.of()
                                : Arrays.asList(rs.getString("addressee_lines").split("\n")),
                        new LetterParticulars(
                                cipher.decrypt(MISSED_TERM_REASON, letterId, rs.getString(MISSED_TERM_REASON)),
                                cipher.decrypt(RISK_STATEMENT, letterId, rs.getString(RISK_STATEMENT)),
                                cipher.decrypt(DELAY_JUSTIFICATION, letterId, rs.getString(DELAY_JUSTIFICATION)),
                                cipher.decrypt(OTHER_PROCEDURES, letterId, rs.getString(OTHER_PROCEDURES)))))
                .optional().orElse(Stored.NONE);
    }

    /** Replaces what is stored for the letter as a whole. */
    void replace(UUID letterId, Stored stored, String user, Instant now) {
        jdbc.sql("delete from letter_particulars where letter_id = :id").param("id", letterId).update();
        LetterParticulars p = stored.particulars();
        jdbc.sql("""
                insert into letter_particulars (letter_id, addressee_lines, missed_term_reason, risk_statement,
                  delay_justification, other_procedures, updated_by, updated_at)
                values (:id, :lines, :missed, :risk, :delay, :other, :user, :now)""")
                .param("id", letterId)
                .param("lines", stored.addresseeLines().isEmpty() ? null : String.join("\n", stored.addresseeLines()))
                .param("missed", encrypt(MISSED_TERM_REASON, letterId, p.missedTermReason()))
                .param("risk", encrypt(RISK_STATEMENT, letterId, p.riskStatement()))
                .param("delay", encrypt(DELAY_JUSTIFICATION, letterId, p.delayJustification()))
                .param("other", encrypt(OTHER_PROCEDURES, letterId, p.otherProcedures()))
                .param("user", user).param("now", now.atOffset(ZoneOffset.UTC))
                .update();
    }

    private String encrypt(String field, UUID letterId, String value) {
        return value == null || value.isBlank() ? null : cipher.encrypt(field, letterId, value.strip());
    }
}
