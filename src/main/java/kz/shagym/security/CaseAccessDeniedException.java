package kz.shagym.security;

import org.springframework.security.access.AccessDeniedException;

/**
 * A denial {@link CaseAccess} has already logged and recorded (with the case's number as its target): the handlers that
 * audit other denials ({@link AccessDenials}) leave it alone, so that each denial is in the trail exactly once.
 */
public class CaseAccessDeniedException extends AccessDeniedException {

    CaseAccessDeniedException(String message) {
        super(message);
    }
}
