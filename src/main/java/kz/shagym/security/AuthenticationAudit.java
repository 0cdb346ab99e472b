package kz.shagym.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Audits logins and feeds the login throttle. Every failure is recorded, and every sign-in through the login form.
 * HTTP Basic and API tokens authenticate every request, so their success is recorded once per user and address per
 * {@code shagym.audit.login-success-interval} (PT15M; PT0S = every request) — otherwise each API call would be a
 * "login" and the trail would drown in them.
 */
@Component
class AuthenticationAudit {

    private final AuditLog audit;
    private final LoginThrottle throttle;
    private final Duration successInterval;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Instant> lastRecordedSuccess = new ConcurrentHashMap<>();
    private final UserAccounts accounts;

    AuthenticationAudit(AuditLog audit, LoginThrottle throttle,
                        @Value("${shagym.audit.login-success-interval:PT15M}") Duration successInterval, UserAccounts accounts) {
        this.accounts = accounts;
        this.audit = audit;
        this.throttle = throttle;
        this.successInterval = successInterval;
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        Authentication authentication = event.getAuthentication();
        String user = authentication.getName();
        if (authentication instanceof TotpPendingAuthentication) {
            // half a login: the count of failures stays until the code is right, or a known password would reset it
            audit.record(user, "LOGIN_PASSWORD_OK", null, "waiting for the TOTP code, from " + address(authentication));
            return;
        }
        throttle.succeeded(user);
        if (authentication instanceof TotpCodeAuthentication) {
            audit.record(user, "LOGIN_SUCCESS", null, "from " + address(authentication) + " by password and TOTP code");
            accounts.signedIn(user, clock.instant());
        } else if (authentication.getDetails() instanceof SecondFactorLogin.FormLoginDetails) {
            audit.record(user, "LOGIN_SUCCESS", null, "from " + address(authentication) + " by the login form");
            accounts.signedIn(user, clock.instant());
        } else {
            recordSuccess(user, address(authentication), null);
        }
    }

    /** A login success, at most once per user and address per interval; {@code how} says by what, when not a password. */
    void recordSuccess(String user, String address, String how) {
        Instant now = clock.instant();
        Instant last = lastRecordedSuccess.put(user + "@" + address, now);
        if (last == null || !now.isBefore(last.plus(successInterval))) {
            audit.record(user, "LOGIN_SUCCESS", null, "from " + address + (how == null ? "" : " by " + how));
            accounts.signedIn(user, now); // as often as the audit entry: not a write per API call
        }
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        String user = event.getAuthentication().getName();
        String address = address(event.getAuthentication());
        if (event.getException() instanceof SecondFactorRequiredException) {
            // the password was right: not a guess to count, but the refusal is on record
            audit.record(user, "LOGIN_REFUSED", null, "HTTP Basic refused: the account has a second factor; from " + address);
            return;
        }
        throttle.failed(user, address);
        audit.record(user, "LOGIN_FAILURE", null, event.getException().getClass().getSimpleName() + " from " + address);
    }

    private static String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : "unknown";
    }
}
