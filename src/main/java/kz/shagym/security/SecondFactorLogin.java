package kz.shagym.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.authentication.AbstractAuthenticationProcessingFilter;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.stereotype.Component;

/**
 * The form login in two steps for accounts with a TOTP second factor. Step one is Spring Security's form login: a right
 * password yields a {@link TotpPendingAuthentication}, which the success handler below does not keep: the session holds
 * only "password accepted for X at T" and stays anonymous, so no page and no API answers it. Step two is the filter on
 * {@code POST /login/totp}: a right, unused code (of the app, or one of the user's recovery codes) makes the session authenticated (with a new session id, as step one
 * had). Both steps publish authentication events, so wrong codes are audited and counted by the login throttle exactly
 * like wrong passwords. The pending step lasts {@code shagym.totp.pending-timeout} (PT5M).
 */
@Component
public class SecondFactorLogin {

    public static final String CODE_PATH = "/login/totp";
    private static final String PENDING = SecondFactorLogin.class.getName() + ".PENDING";

    /** Marks credentials posted to the login form, as opposed to an HTTP Basic header, for the provider's decision. */
    static final class FormLoginDetails extends WebAuthenticationDetails {
        /** When the password was posted, before it was checked: a reset after this instant ends the session. */
        final Instant postedAt = Instant.now();

        FormLoginDetails(HttpServletRequest request) {
            super(request);
        }
    }

    private record Pending(String username, Instant since) implements Serializable {}

    private final SecondFactor secondFactor;
    private final UserAccounts accounts;
    private final AuthenticationEventPublisher events;
    private final Duration pendingTimeout;
    private final AccountStanding standing;
    private final Clock clock = Clock.systemUTC();
    private final SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
            new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());

    SecondFactorLogin(SecondFactor secondFactor, UserAccounts accounts, AuthenticationEventPublisher events,
                      @Value("${shagym.totp.pending-timeout:PT5M}") Duration pendingTimeout, AccountStanding standing) {
        this.standing = standing;
        this.secondFactor = secondFactor;
        this.accounts = accounts;
        this.events = events;
        this.pendingTimeout = pendingTimeout;
    }

    /** For the form login: its credentials carry {@link FormLoginDetails}. */
    public org.springframework.security.authentication.AuthenticationDetailsSource<HttpServletRequest, ?> formLoginDetails() {
        return FormLoginDetails::new;
    }

    /** For the form login: a full login goes on as usual; a password awaiting its code goes to the code page. */
    public AuthenticationSuccessHandler passwordStepSuccess(String defaultTargetUrl) {
        SavedRequestAwareAuthenticationSuccessHandler complete = new SavedRequestAwareAuthenticationSuccessHandler();
        complete.setDefaultTargetUrl(defaultTargetUrl);
        return (request, response, authentication) -> {
            Instant postedAt = authentication.getDetails() instanceof FormLoginDetails form ? form.postedAt : clock.instant();
            if (authentication instanceof TotpPendingAuthentication pending) {
                forgetAuthentication(request, response);
                request.getSession().setAttribute(PENDING, new Pending(pending.getName(), postedAt));
                response.sendRedirect(request.getContextPath() + CODE_PATH);
                return;
            }
            // a session counts from when its password was posted: a reset or password change after that ends it
            standing.signedIn(request, postedAt);
            complete.onAuthenticationSuccess(request, response, authentication);
        };
    }

    /** The second step's filter, to be placed in the pages' chain after CSRF protection. */
    public AbstractAuthenticationProcessingFilter codeStepFilter(String defaultTargetUrl) {
        CodeStepFilter filter = new CodeStepFilter();
        ProviderManager manager = new ProviderManager(new CodeProvider());
        manager.setAuthenticationEventPublisher(events);
        filter.setAuthenticationManager(manager);
        filter.setSecurityContextRepository(contexts);
        // as the password step does: a new session id (fixation) and a new CSRF token once signed in
        filter.setSessionAuthenticationStrategy(new CompositeSessionAuthenticationStrategy(List.of(
                new ChangeSessionIdAuthenticationStrategy(), new CsrfAuthenticationStrategy(new HttpSessionCsrfTokenRepository()))));
        SavedRequestAwareAuthenticationSuccessHandler complete = new SavedRequestAwareAuthenticationSuccessHandler();
        complete.setDefaultTargetUrl(defaultTargetUrl);
        filter.setAuthenticationSuccessHandler((request, response, authentication) -> {
            // from the password step, not the code step: a password reset in between ends this session too
            standing.signedIn(request, request.getSession().getAttribute(PENDING) instanceof Pending pending
                    ? pending.since() : clock.instant());
            request.getSession().removeAttribute(PENDING);
            complete.onAuthenticationSuccess(request, response, authentication);
        });
        filter.setAuthenticationFailureHandler((request, response, failure) -> response.sendRedirect(request.getContextPath()
                + (failure instanceof PendingExpiredException ? "/login?expired" : CODE_PATH + "?error")));
        return filter;
    }

    /** Whose password this session entered, while it waits for the code (and not longer than the timeout). */
    public Optional<String> pendingUsername(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(PENDING) instanceof Pending pending)) {
            return Optional.empty();
        }
        if (pending.since().plus(pendingTimeout).isBefore(clock.instant())) {
            session.removeAttribute(PENDING);
            return Optional.empty();
        }
        return Optional.of(pending.username());
    }

    private void forgetAuthentication(HttpServletRequest request, HttpServletResponse response) {
        SecurityContextHolder.clearContext();
        contexts.saveContext(SecurityContextHolder.createEmptyContext(), request, response);
    }

    private static final class PendingExpiredException extends AuthenticationException {
        PendingExpiredException() {
            super("no password was entered in this session, or it was entered too long ago");
        }
    }

    private static final class InvalidTotpCodeException extends AuthenticationException {
        InvalidTotpCodeException() {
            super("wrong, expired or already used TOTP code");
        }
    }

    private final class CodeStepFilter extends AbstractAuthenticationProcessingFilter {

        CodeStepFilter() {
            super(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, CODE_PATH));
        }

        @Override
        public Authentication attemptAuthentication(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String username = pendingUsername(request).orElseThrow(PendingExpiredException::new);
            String code = Optional.ofNullable(request.getParameter("code")).orElse("").replace(" ", "");
            return getAuthenticationManager().authenticate(
                    new TotpCodeAuthentication(username, code, authenticationDetailsSource.buildDetails(request)));
        }
    }

    /** Checks the code, and loads the user afresh: an account disabled since the password step gets no session. */
    private final class CodeProvider implements AuthenticationProvider {

        @Override
        public Authentication authenticate(Authentication authentication) {
            TotpCodeAuthentication attempt = (TotpCodeAuthentication) authentication;
            UserDetails user = accounts.loadUserByUsername(attempt.getName());
            if (!user.isEnabled()) {
                throw new DisabledException("the account is disabled");
            }
            String address = attempt.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : "unknown";
            if (!secondFactor.accept(attempt.getName(), String.valueOf(attempt.getCredentials()), address)) {
                throw new InvalidTotpCodeException();
            }
            return attempt.verified(user.getAuthorities());
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return TotpCodeAuthentication.class.isAssignableFrom(authentication);
        }
    }
}
