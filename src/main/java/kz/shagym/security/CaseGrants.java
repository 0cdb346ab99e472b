package kz.shagym.security;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import kz.shagym.web.ApiException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Per-case grants (table case_grant, migration V11): who besides the case's lawyer works on it (STAFF) and which
 * coordinators may see the victim's identity on it (IDENTITY). Who may change them is {@link CaseAccess}'s decision;
 * this keeps them, checks that a grant fits its user's role, and records every change in the audit trail.
 */
@Service
public class CaseGrants {

    public record Grant(String username, String fullName, Role role, GrantKind kind, String grantedBy, Instant grantedAt) {}

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    CaseGrants(JdbcClient jdbc, AuditLog audit, kz.shagym.clock.ShagymClock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** One primary-key lookup: access decisions call this per request, never per row of a list. */
    public boolean has(UUID complaintId, String username, GrantKind kind) {
        return jdbc.sql("select count(*) from case_grant where complaint_id = :c and username = :u and kind = :k")
                .param("c", complaintId).param("u", username).param("k", kind.name())
                .query(Integer.class).single() > 0;
    }

    public List<Grant> of(UUID complaintId) {
        return jdbc.sql("""
                select g.username, u.full_name, u.role, g.kind, g.granted_by, g.granted_at
                from case_grant g join app_user u on u.username = g.username
                where g.complaint_id = :c order by g.kind, g.username""")
                .param("c", complaintId)
                .query((rs, i) -> new Grant(rs.getString("username"), rs.getString("full_name"), Role.valueOf(rs.getString("role")),
                        GrantKind.valueOf(rs.getString("kind")), rs.getString("granted_by"),
                        rs.getObject("granted_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /**
     * Grants {@code kind} on the case to {@code username}: 404 for an unknown user, 400 for a kind that does not fit the
     * user's role. Granting what is already granted changes nothing and is not recorded again.
     *
     * @return whether a grant was added
     */
    public boolean grant(CaseRef c, String username, GrantKind kind, String by) {
        Role role = roleOf(username);
        if (role != kind.grantee()) {
            throw ApiException.badRequest("kind", kind + " is granted to " + kind.grantee().name().toLowerCase()
                    + " users only; " + abbreviate(username) + " is " + role.name().toLowerCase());
        }
        if (has(c.id(), username, kind)) {
            return false;
        }
        try {
            insert(c.id(), username, kind, by);
        } catch (DuplicateKeyException concurrentTwin) {
            return false; // the same grant, given at the same moment by someone else: theirs is recorded
        }
        audit.record(by, "GRANT_ADDED", "case " + c.caseNumber(), kind + " to " + username);
        return true;
    }

    /** @return whether there was such a grant to revoke */
    public boolean revoke(CaseRef c, String username, GrantKind kind, String by) {
        int removed = jdbc.sql("delete from case_grant where complaint_id = :c and username = :u and kind = :k")
                .param("c", c.id()).param("u", username).param("k", kind.name()).update();
        if (removed > 0) {
            audit.record(by, "GRANT_REVOKED", "case " + c.caseNumber(), kind + " from " + username);
        }
        return removed > 0;
    }

    /**
     * A staff member who registers a complaint is assigned to it in the registration's own transaction — otherwise
     * they would lose sight of it at once. The caller records it ({@link #recordAssignedOnRegistration}) once that
     * transaction has committed, so that the trail never names a grant that was rolled back.
     */
    public void assignOnRegistration(UUID complaintId, String staffUsername) {
        insert(complaintId, staffUsername, GrantKind.STAFF, staffUsername);
    }

    public void recordAssignedOnRegistration(CaseRef c, String staffUsername) {
        audit.record(staffUsername, "GRANT_ADDED", "case " + c.caseNumber(), GrantKind.STAFF + " to " + staffUsername
                + " (registered the complaint)");
    }

    private void insert(UUID complaintId, String username, GrantKind kind, String by) {
        jdbc.sql("""
                insert into case_grant (complaint_id, username, kind, granted_by, granted_at)
                values (:c, :u, :k, :by, :at)""")
                .param("c", complaintId).param("u", username).param("k", kind.name()).param("by", by)
                .param("at", OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC))
                .update();
    }

    private Role roleOf(String username) {
        return jdbc.sql("select role from app_user where username = :u").param("u", username)
                .query((rs, i) -> Role.valueOf(rs.getString("role"))).optional()
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "username", "no user " + abbreviate(username)));
    }

    private static String abbreviate(String s) {
        return s.length() > 100 ? s.substring(0, 97) + "..." : s;
    }
}
