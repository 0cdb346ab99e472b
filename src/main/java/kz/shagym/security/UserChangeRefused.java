package kz.shagym.security;

/**
 * A change of an account that the rules refuse, naming the field at fault: the API turns it into a problem+json, the
 * pages into the form again with the reason next to the field, in the page's language. {@code limit} is the number a
 * length rule speaks of.
 */
public class UserChangeRefused extends RuntimeException {

    public enum Reason {
        REQUIRED("is required"),
        USERNAME_FORMAT("2–100 letters, digits, . _ -"),
        USERNAME_TAKEN("a user with this name already exists"),
        TOO_LONG("is too long"),
        EMAIL_FORMAT("is not an e-mail address"),
        LANGUAGE("must be ru, kk or en"),
        ROLE("must be ADMIN, COORDINATOR, LAWYER or STAFF"),
        PASSWORD_TOO_SHORT("at least 10 characters"),
        PASSWORD_TOO_LONG("at most 72 bytes (UTF-8)"),
        PASSWORDS_DIFFER("the two new passwords differ"),
        PASSWORD_UNCHANGED("the new password must differ from the current one"),
        CURRENT_PASSWORD_WRONG("the current password is wrong"),
        THROTTLED("too many failed attempts: try again later"),
        LAST_ADMIN("the last enabled administrator cannot be disabled or demoted"),
        OWN_ACCOUNT("administrators cannot disable or demote themselves"),
        NO_SUCH_USER("no such user"),
        TOKEN("a token cannot change a password: use the password itself");

        private final String detail;

        Reason(String detail) {
            this.detail = detail;
        }

        public String detail() {
            return detail;
        }
    }

    private final String field;
    private final Reason reason;
    private final int limit;

    public UserChangeRefused(String field, Reason reason) {
        this(field, reason, 0);
    }

    public UserChangeRefused(String field, Reason reason, int limit) {
        super((field == null ? "" : field + ": ") + reason.detail() + (limit > 0 ? " (" + limit + ")" : ""));
        this.field = field;
        this.reason = reason;
        this.limit = limit;
    }

    public String field() {
        return field;
    }

    public Reason reason() {
        return reason;
    }

    public int limit() {
        return limit;
    }
}
