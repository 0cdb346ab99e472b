package kz.shagym.security;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

/**
 * Records role denials — a URL rule, an {@code @PreAuthorize}, a controller's own role check — in the audit trail
 * (actor, method and path, reason) and the log, as {@link CaseAccess} does for per-case denials. Every place that turns a
 * denial into a 403 calls {@link #record} once; denials CaseAccess already recorded are skipped, and so are CSRF
 * failures, which are forged or stale forms rather than someone reaching beyond their role.
 */
@Component
public class AccessDenials {

    private static final Logger log = LoggerFactory.getLogger(AccessDenials.class);
    /** Set once a request's denial is recorded: a denial handled by two layers (a handler, then the error page) counts once. */
    private static final String RECORDED = AccessDenials.class.getName() + ".recorded";

    private final AuditLog audit;

    AccessDenials(AuditLog audit) {
        this.audit = audit;
    }

    /** Records nothing: for an MVC test slice without the ledger (the application always has the real one). */
    public static AccessDenials none() {
        return new AccessDenials(null);
    }

    /** Whether a 403 for this exception still has to be recorded here. */
    public static boolean needsRecording(Exception denial) {
        return !(denial instanceof CaseAccessDeniedException) && !(denial instanceof CsrfException);
    }

    public void record(HttpServletRequest request, Exception denial) {
        if (needsRecording(denial)) {
            record(request, denial.getMessage());
        }
    }

    public void record(HttpServletRequest request, String reason) {
        if (request.getAttribute(RECORDED) != null) {
            return;
        }
        request.setAttribute(RECORDED, Boolean.TRUE);
        String actor = actor();
        String target = request.getMethod() + " " + request.getRequestURI();
        log.warn("ACCESS DENIED: {} {} ({})", actor, target, reason);
        if (audit == null) {
            return;
        }
        audit.record(actor, "ACCESS_DENIED", target, "role: " + reason + "; from " + request.getRemoteAddr());
    }

    private static String actor() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        return user == null ? null : user.getName();
    }
}
