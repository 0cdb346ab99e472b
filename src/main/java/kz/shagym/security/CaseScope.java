package kz.shagym.security;

import java.util.Map;
import org.springframework.security.core.Authentication;

/**
 * Which cases a user's lists show (board, deadline lists, calendar feed, complaint list), as one SQL condition so that
 * the database filters while it reads: administrators and coordinators every case, a lawyer the cases assigned to them,
 * a staff member the cases they hold a STAFF grant on (an indexed exists, whatever the number of cases). The same rule
 * as {@link CaseAccess#canRead}, for many cases at once.
 */
public record CaseScope(Kind kind, String username) {

    public enum Kind { ALL, LAWYER, STAFF }

    public static final CaseScope ALL = new CaseScope(Kind.ALL, null);

    public static CaseScope of(Authentication user) {
        if (CaseAccess.has(user, Role.ADMIN) || CaseAccess.has(user, Role.COORDINATOR)) {
            return ALL;
        }
        if (CaseAccess.has(user, Role.STAFF)) {
            return new CaseScope(Kind.STAFF, user.getName());
        }
        return new CaseScope(Kind.LAWYER, user.getName());
    }

    public static CaseScope of(String username, Role role) {
        return switch (role) {
            case ADMIN, COORDINATOR -> ALL;
            case STAFF -> new CaseScope(Kind.STAFF, username);
            case LAWYER -> new CaseScope(Kind.LAWYER, username);
        };
    }

    public boolean all() {
        return kind == Kind.ALL;
    }

    /** The lawyer whose cases these are, or null when the scope is not one lawyer's. */
    public String lawyer() {
        return kind == Kind.LAWYER ? username : null;
    }

    /** The staff member whose assigned cases these are, or null. */
    public String staff() {
        return kind == Kind.STAFF ? username : null;
    }

    /**
     * A condition on a complaint's id and lawyer columns ("1 = 1" for everyone's), with its one parameter
     * {@code :scopeUser} from {@link #params()}.
     */
    public String condition(String idColumn, String lawyerColumn) {
        return switch (kind) {
            case ALL -> "1 = 1";
            case LAWYER -> lawyerColumn + " = :scopeUser";
            case STAFF -> "exists (select 1 from case_grant sg where sg.username = :scopeUser and sg.kind = 'STAFF'"
                    + " and sg.complaint_id = " + idColumn + ")";
        };
    }

    public Map<String, Object> params() {
        return all() ? Map.of() : Map.of("scopeUser", username);
    }
}
