package kz.shagym.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer shg_…} on the API chain. A valid token authenticates the request as its user; any other
 * bearer value is answered 401 at once with a problem+json naming why (unknown, revoked, expired, account disabled) and
 * the refusal is audited. Refusals do not feed the login throttle: a token is 256 random bits, so nobody guesses one,
 * and a forgotten script with an old token must not lock a whole office's address out. Not a bean: only the API chain
 * runs it (a Filter bean would be registered for every request).
 */
final class ApiTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiTokens tokens;
    private final AuditLog audit;
    private final AuthenticationAudit authenticationAudit;

    ApiTokenFilter(ApiTokens tokens, AuditLog audit, AuthenticationAudit authenticationAudit) {
        this.tokens = tokens;
        this.audit = audit;
        this.authenticationAudit = authenticationAudit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        ApiTokens.Outcome outcome = tokens.authenticate(header.substring(BEARER.length()).strip());
        switch (outcome) {
            case ApiTokens.Accepted accepted -> {
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(new ApiTokenAuthentication(accepted.username(), accepted.role(), accepted.tokenId(),
                        new WebAuthenticationDetails(request)));
                SecurityContextHolder.setContext(context);
                authenticationAudit.recordSuccess(accepted.username(), request.getRemoteAddr(),
                        "token " + accepted.tokenId() + " '" + accepted.tokenName() + "'");
                chain.doFilter(request, response);
            }
            case ApiTokens.Refused refused -> refuse(request, response, refused);
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, ApiTokens.Refused refused) throws IOException {
        audit.record(refused.username(), "TOKEN_REFUSED", refused.tokenId() == null ? null : "token " + refused.tokenId(),
                refused.reason() + "; " + request.getMethod() + " " + request.getRequestURI() + " from " + request.getRemoteAddr());
        // RFC 6750: the client learns that the token, not the request, is at fault
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        AuthProblems.write(response, HttpStatus.UNAUTHORIZED, refused.reason());
    }
}
