package kz.shagym.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs before every Spring Security filter chain (API Basic, page form login and its TOTP code step alike): an attempt
 * to authenticate as a throttled username, or from a throttled address, is answered 429 with Retry-After before the
 * password or code is checked.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER - 10)
class LoginThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;
    private final String formLoginPath;
    private final SecondFactorLogin secondFactorLogin;

    LoginThrottleFilter(LoginThrottle throttle, @Value("${shagym.login.form-path:/login}") String formLoginPath,
                        SecondFactorLogin secondFactorLogin) {
        this.throttle = throttle;
        this.formLoginPath = formLoginPath;
        this.secondFactorLogin = secondFactorLogin;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> username = attemptedUsername(request);
        Optional<Duration> wait = username.flatMap(u -> throttle.refusal(u, request.getRemoteAddr()));
        if (wait.isPresent()) {
            long seconds = Math.max(1, wait.get().toSeconds() + (wait.get().toMillisPart() > 0 ? 1 : 0));
            response.setStatus(429);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
                    + "\"detail\":\"too many failed logins: try again in " + seconds + " s\"}");
            return;
        }
        chain.doFilter(request, response);
    }

    /** The username of an HTTP Basic header or of a form-login post; empty when the request does not log in. */
    private Optional<String> attemptedUsername(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return Optional.of(colon < 0 ? decoded : decoded.substring(0, colon));
            } catch (IllegalArgumentException e) {
                return Optional.empty(); // malformed: Spring Security answers 401
            }
        }
        if ("POST".equals(request.getMethod()) && formLoginPath.equals(request.getServletPath())) {
            return Optional.of(Optional.ofNullable(request.getParameter("username")).orElse(""));
        }
        if ("POST".equals(request.getMethod()) && SecondFactorLogin.CODE_PATH.equals(request.getServletPath())) {
            return secondFactorLogin.pendingUsername(request); // the code is guessed for the user whose password was entered
        }
        return Optional.empty();
    }
}
