package kz.shagym.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Need-to-know: a lawyer sees only the cases assigned to them; coordinators and staff see every case's stage and
 * dates; the victim's identity — with it the medical facts, in the case view and in every letter file — is shown to
 * the assigned lawyer and to administrators (the identity grant). Every denial is logged and recorded in the audit trail.
 */
@Component
public class CaseAccess {

    private static final Logger log = LoggerFactory.getLogger(CaseAccess.class);

    private final AuditLog audit;

    public CaseAccess(AuditLog audit) {
        this.audit = audit;
    }

    public void requireRead(Authentication user, String assignedLawyer, Object caseRef) {
        if (!canRead(user, assignedLawyer)) {
            log.warn("ACCESS DENIED: {} tried to open case {} assigned to another lawyer", user.getName(), caseRef);
            audit.record(user.getName(), "ACCESS_DENIED", "case " + caseRef, "read: not assigned to this case");
            throw new AccessDeniedException("not assigned to this case");
        }
    }

    public void requireWrite(Authentication user, String assignedLawyer, Object caseRef) {
        if (!canRead(user, assignedLawyer) || has(user, Role.COORDINATOR) && !has(user, Role.ADMIN)) {
            log.warn("ACCESS DENIED: {} tried to change case {}", user.getName(), caseRef);
            audit.record(user.getName(), "ACCESS_DENIED", "case " + caseRef, "write: not allowed to change this case");
            throw new AccessDeniedException("not allowed to change this case");
        }
    }

    /**
     * A letter file names the victim: it goes only to those who may see the victim's identity. Coordinators (and staff,
     * until they are assigned to cases) see the case under its number; the file itself is a denial, logged.
     */
    public void requireIdentity(Authentication user, String assignedLawyer, Object caseRef) {
        requireRead(user, assignedLawyer, caseRef);
        if (!seesIdentity(user, assignedLawyer)) {
            log.warn("ACCESS DENIED: {} tried to download a letter of case {} without access to the victim's identity",
                    user.getName(), caseRef);
            audit.record(user.getName(), "ACCESS_DENIED", "case " + caseRef, "identity: a letter names the victim");
            throw new AccessDeniedException("a letter names the victim; you may not see the victim's identity");
        }
    }

    public boolean canRead(Authentication user, String assignedLawyer) {
        if (has(user, Role.ADMIN) || has(user, Role.COORDINATOR) || has(user, Role.STAFF)) {
            return true;
        }
        return has(user, Role.LAWYER) && user.getName().equals(assignedLawyer);
    }

    public boolean seesIdentity(Authentication user, String assignedLawyer) {
        return has(user, Role.ADMIN) || user.getName().equals(assignedLawyer);
    }

    /**
     * Medical facts follow the identity grant: whoever may know who the victim is may know what was done to them, and
     * nobody else — a coordinator overseeing stages and dates, or staff preparing letters, does not need them.
     */
    public boolean seesMedicalFacts(Authentication user, String assignedLawyer) {
        return seesIdentity(user, assignedLawyer);
    }

    /**
     * Changing the medical facts replaces them as a whole, so it needs both the right to change the case and the right
     * to see the facts being replaced.
     */
    public void requireMedicalFactsWrite(Authentication user, String assignedLawyer, Object caseRef) {
        requireWrite(user, assignedLawyer, caseRef);
        if (!seesMedicalFacts(user, assignedLawyer)) {
            log.warn("ACCESS DENIED: {} tried to change the medical facts of case {}", user.getName(), caseRef);
            audit.record(user.getName(), "ACCESS_DENIED", "case " + caseRef, "write: medical facts need the identity grant");
            throw new AccessDeniedException("medical facts need the identity grant");
        }
    }

    public static boolean has(Authentication user, Role role) {
        return user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role.name()));
    }
}
