package kz.shagym.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks every request of a signed-in user against the account as it is now, not as it was at sign-in: a session of
 * a disabled account, or one signed in before the account's sessions were ended (a password reset or change, a
 * changed role), is ended at its next request and sent to the login page; an account whose password was chosen by an
 * administrator must choose a new one before anything else (the pages send it to {@link #NEW_PASSWORD_PATH}; the API,
 * by HTTP Basic, answers 403 except for {@code POST /api/me/password}). Personal tokens are their own credentials and
 * pass. Runs in both chains just before the authorization rules, one indexed read of the user's row per request.
 */
@Component
public class AccountStanding {

    public static final String NEW_PASSWORD_PATH = "/my/password/new";
    private static final String SIGNED_IN_AT = AccountStanding.class.getName() + ".SIGNED_IN_AT";
    /** What a user who must choose a new password may still reach on the pages. */
    private static final Set<String> OPEN_WHILE_CHANGING = Set.of(NEW_PASSWORD_PATH, "/logout", "/login", "/error");
    private static final String API_PASSWORD_PATH = "/api/me/password";

    private final UserAccounts accounts;

    AccountStanding(UserAccounts accounts) {
        this.accounts = accounts;
    }

    /**
     * At the end of a sign-in on the pages (the password, or the TOTP code step): the session's sign-in time, which is
     * when its password was posted.
     */
    void signedIn(HttpServletRequest request, Instant passwordPostedAt) {
        request.getSession().setAttribute(SIGNED_IN_AT, passwordPostedAt.truncatedTo(ChronoUnit.MILLIS));
    }

    /** After the user's own password change: this session stays, signed in as of the change. */
    public static void keep(HttpServletRequest request, Instant changedAt) {
        request.getSession().setAttribute(SIGNED_IN_AT, changedAt);
    }

    public OncePerRequestFilter pagesFilter() {
        return new Check(true);
    }

    OncePerRequestFilter apiFilter() {
        return new Check(false);
    }

    private final class Check extends OncePerRequestFilter {

        private final boolean pages;

        Check(boolean pages) {
            this.pages = pages;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication user = SecurityContextHolder.getContext().getAuthentication();
            if (user == null || !user.isAuthenticated() || user instanceof AnonymousAuthenticationToken
                    || user instanceof TotpPendingAuthentication || ApiTokenAuthentication.isToken(user)) {
                chain.doFilter(request, response);
                return;
            }
            Optional<UserAccounts.Standing> standing = accounts.standing(user.getName());
            if (standing.isEmpty()) {
                chain.doFilter(request, response); // no such row: nothing to hold it against (the login refuses it)
                return;
            }
            if (pages && ended(request, standing.get())) {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                SecurityContextHolder.clearContext();
                response.sendRedirect(request.getContextPath() + "/login?ended");
                return;
            }
            if (standing.get().mustChangePassword() && !mayPassWhileChanging(request)) {
                if (pages) {
                    response.sendRedirect(request.getContextPath() + NEW_PASSWORD_PATH);
                } else {
                    AuthProblems.write(response, HttpStatus.FORBIDDEN, "the password was set by an administrator: choose a "
                            + "new one first (sign in on the pages, or POST " + API_PASSWORD_PATH + ")");
                }
                return;
            }
            chain.doFilter(request, response);
        }

        /**
         * A page session of a disabled account, or one signed in before the account's sessions were ended. A session
         * without a sign-in time (from before this check existed, or a test's mock user) counts as ended only once
         * some change has ended sessions.
         */
        private boolean ended(HttpServletRequest request, UserAccounts.Standing standing) {
            if (!standing.enabled()) {
                return true;
            }
            if (standing.sessionsValidAfter() == null) {
                return false;
            }
            HttpSession session = request.getSession(false);
            Object signedIn = session == null ? null : session.getAttribute(SIGNED_IN_AT);
            return !(signedIn instanceof Instant at) || at.isBefore(standing.sessionsValidAfter());
        }

        private boolean mayPassWhileChanging(HttpServletRequest request) {
            String path = request.getServletPath();
            if (pages) {
                return OPEN_WHILE_CHANGING.contains(path) || path.startsWith("/css/") || path.startsWith("/js/")
                        || path.startsWith("/vendor/") || path.startsWith("/error/") || path.equals("/favicon.ico");
            }
            return "POST".equals(request.getMethod()) && API_PASSWORD_PATH.equals(path);
        }
    }
}
