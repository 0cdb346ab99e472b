package kz.shagym.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Need-to-know, per case. Administrators see and change everything. A lawyer sees and changes only the cases assigned
 * to them, victim's identity included. Staff see and work on only the cases they are assigned to (a STAFF grant),
 * identity included, since they prepare the letters that name the victim. Coordinators oversee every case's stage and
 * dates but change none, and see the victim's identity — with it the medical facts and the letter files — only where
 * they hold an IDENTITY grant (a pseudonym elsewhere). Grants are given and taken by administrators and the case's
 * lawyer. Every denial is logged and recorded in the audit trail, with the case's number.
 *
 * <p>Lists apply the same rule through {@link CaseScope}. Each grant check is one primary-key lookup.
 */
@Component
public class CaseAccess {

    private static final Logger log = LoggerFactory.getLogger(CaseAccess.class);

    private final AuditLog audit;
    private final CaseGrants grants;

    public CaseAccess(AuditLog audit, CaseGrants grants) {
        this.audit = audit;
        this.grants = grants;
    }

    public void requireRead(Authentication user, CaseRef c) {
        if (!canRead(user, c)) {
            throw denied(user, c, "read", "not assigned to this case");
        }
    }

    public void requireWrite(Authentication user, CaseRef c) {
        if (!canWrite(user, c)) {
            throw denied(user, c, "write", "not allowed to change this case");
        }
    }

    /**
     * A letter file names the victim: it goes only to those who may see the victim's identity. A coordinator without the
     * identity grant sees the case and its letters' titles under the case number; the file itself is a denial.
     */
    public void requireIdentity(Authentication user, CaseRef c) {
        requireRead(user, c);
        if (!seesIdentity(user, c)) {
            throw denied(user, c, "identity", "a letter names the victim; you may not see the victim's identity");
        }
    }

    /**
     * Changing the medical facts replaces them as a whole, so it needs both the right to change the case and the right
     * to see the facts being replaced.
     */
    public void requireMedicalFactsWrite(Authentication user, CaseRef c) {
        requireWrite(user, c);
        if (!seesMedicalFacts(user, c)) {
            throw denied(user, c, "write", "medical facts need the identity grant");
        }
    }

    /** The lawyer of record decides who learns the victim's identity and who works on the case; administrators too. */
    public void requireGrantManagement(Authentication user, CaseRef c) {
        requireRead(user, c);
        if (!managesGrants(user, c)) {
            throw denied(user, c, "grant", "only an administrator or the case's lawyer grants access to it");
        }
    }

    /**
     * Who works on a case is decided above the lawyers: administrators and coordinators hand a case to another lawyer
     * (coordinators change nothing else of a case). A lawyer, even the case's own, is refused and audited.
     */
    public void requireReassignment(Authentication user, CaseRef c) {
        requireRead(user, c);
        if (!canReassign(user)) {
            throw denied(user, c, "reassign", "only an administrator or a coordinator hands a case to another lawyer");
        }
    }

    public boolean canReassign(Authentication user) {
        return has(user, Role.ADMIN) || has(user, Role.COORDINATOR);
    }

    public boolean canRead(Authentication user, CaseRef c) {
        if (has(user, Role.ADMIN) || has(user, Role.COORDINATOR)) {
            return true;
        }
        if (has(user, Role.STAFF)) {
            return grants.has(c.id(), user.getName(), GrantKind.STAFF);
        }
        return has(user, Role.LAWYER) && lawyerOfRecord(user, c);
    }

    /** Coordinators oversee; they never change a case. */
    public boolean canWrite(Authentication user, CaseRef c) {
        return !has(user, Role.COORDINATOR) && canRead(user, c);
    }

    public boolean seesIdentity(Authentication user, CaseRef c) {
        if (has(user, Role.COORDINATOR)) {
            return grants.has(c.id(), user.getName(), GrantKind.IDENTITY);
        }
        return canRead(user, c);
    }

    /**
     * Medical facts follow the identity grant: whoever may know who the victim is may know what was done to them (the
     * forensic motion quotes them), and nobody else.
     */
    public boolean seesMedicalFacts(Authentication user, CaseRef c) {
        return seesIdentity(user, c);
    }

    public boolean managesGrants(Authentication user, CaseRef c) {
        return has(user, Role.ADMIN) || has(user, Role.LAWYER) && lawyerOfRecord(user, c);
    }

    private static boolean lawyerOfRecord(Authentication user, CaseRef c) {
        return user.getName().equals(c.lawyer());
    }

    private AccessDeniedException denied(Authentication user, CaseRef c, String kind, String reason) {
        log.warn("ACCESS DENIED: {} on case {}: {} ({})", user.getName(), c.caseNumber(), kind, reason);
        audit.record(user.getName(), "ACCESS_DENIED", "case " + c.caseNumber(), kind + ": " + reason);
        return new CaseAccessDeniedException(reason);
    }

    public static boolean has(Authentication user, Role role) {
        return user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role.name()));
    }
}
