package kz.shagym.security;

import java.util.Collection;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/** The second step of a form login: the code typed for the user whose password was accepted earlier in this session. */
final class TotpCodeAuthentication extends AbstractAuthenticationToken {

    private final String username;
    private final String code;

    /** The request: not authenticated yet. */
    TotpCodeAuthentication(String username, String code, Object details) {
        super(List.of());
        this.username = username;
        this.code = code;
        setDetails(details);
    }

    /** The result: the user, with their authorities, after a right code. */
    private TotpCodeAuthentication(String username, Collection<? extends GrantedAuthority> authorities, Object details) {
        super(authorities);
        this.username = username;
        this.code = null;
        setDetails(details);
        setAuthenticated(true);
    }

    TotpCodeAuthentication verified(Collection<? extends GrantedAuthority> authorities) {
        return new TotpCodeAuthentication(username, authorities, getDetails());
    }

    @Override
    public Object getCredentials() {
        return code;
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
