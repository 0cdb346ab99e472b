package kz.shagym.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Transient;

/**
 * The password was right and the account has a second factor: the form login stops here and asks for the code. This
 * is never stored as the session's authentication (the success handler replaces it with an empty context), and even if
 * it were it grants nothing: it has no authority and is not authenticated. {@code @Transient}: no security context
 * repository ever saves it.
 */
@Transient
final class TotpPendingAuthentication extends AbstractAuthenticationToken {

    private final String username;

    TotpPendingAuthentication(String username, Object details) {
        super(List.of());
        this.username = username;
        setDetails(details);
        super.setAuthenticated(false);
    }

    @Override
    public void setAuthenticated(boolean authenticated) {
        if (authenticated) {
            throw new IllegalArgumentException("a password without its second factor is not a login");
        }
    }

    @Override
    public Object getCredentials() {
        return null;
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
