package kz.shagym.letter;

/**
 * What a letter's state does not allow: reviewing what is no longer a draft, approving a stale draft, changing a filed
 * or withdrawn letter, or taking as its next version what is not a DOCX. The web layer words it in the user's language
 * ({@code letter.refused.<REASON>}, the letter's status as argument).
 */
public class LetterRefused extends RuntimeException {

    public enum Reason {
        /** Only a draft is reviewed. */
        NOT_A_DRAFT,
        /** It quotes a date corrected since: regenerate before approving. */
        STALE,
        /** Filed or withdrawn: the filed copy does not change. */
        FROZEN,
        /** The upload does not open as a DOCX document. */
        NOT_DOCX
    }

    private final Reason reason;
    private final String status;

    public LetterRefused(Reason reason, String status) {
        super(reason + " (letter is " + status + ")");
        this.reason = reason;
        this.status = status;
    }

    public Reason reason() {
        return reason;
    }

    /** The letter's status when refused (DRAFT, APPROVED, FILED, WITHDRAWN). */
    public String status() {
        return status;
    }
}
