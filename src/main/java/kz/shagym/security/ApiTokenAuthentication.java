package kz.shagym.security;

import java.util.List;
import java.util.UUID;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request authenticated by a personal API token: it acts as the token's user, with that user's role. */
final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final String username;
    private final UUID tokenId;

    ApiTokenAuthentication(String username, Role role, UUID tokenId, Object details) {
        super(List.of(new SimpleGrantedAuthority("ROLE_" + role.name())));
        this.username = username;
        this.tokenId = tokenId;
        setDetails(details);
        setAuthenticated(true);
    }

    UUID tokenId() {
        return tokenId;
    }

    static boolean isToken(Authentication authentication) {
        return authentication instanceof ApiTokenAuthentication;
    }

    @Override
    public Object getCredentials() {
        return null; // the token itself is never kept
    }

    @Override
    public Object getPrincipal() {
        return username;
    }

    @Override
    public String getName() {
        return username;
    }
}
