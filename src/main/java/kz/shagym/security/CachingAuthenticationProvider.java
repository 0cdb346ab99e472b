package kz.shagym.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * bcrypt is slow on purpose, and HTTP Basic sends the password with every request: checking it every time made each API
 * call cost a bcrypt round. A successful check is remembered for a few minutes as an HMAC of the credentials under a
 * key that lives only in this process, so a remembered entry reveals nothing and a wrong password still fails.
 */
@Component
class CachingAuthenticationProvider implements AuthenticationProvider {

    private record Verified(byte[] digest, Authentication authentication, Instant expires) {}

    private final DaoAuthenticationProvider delegate;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final SecretKeySpec key;
    private final Duration ttl;
    private final Clock clock = Clock.systemUTC();
    private final SecondFactor secondFactor;

    CachingAuthenticationProvider(UserAccounts accounts, PasswordEncoder encoder, SecondFactor secondFactor,
                                  @Value("${shagym.security.credential-cache-ttl:PT5M}") Duration ttl) {
        this.secondFactor = secondFactor;
        this.delegate = new DaoAuthenticationProvider(encoder);
        this.delegate.setUserDetailsService(accounts);
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.ttl = ttl;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        byte[] digest = digest(username, String.valueOf(authentication.getCredentials()));
        Verified known = verified.get(username);
        if (known != null && known.expires().isAfter(clock.instant()) && MessageDigest.isEqual(known.digest(), digest)) {
            return afterPassword(authentication, known.authentication());
        }
        Authentication result = delegate.authenticate(authentication);
        UsernamePasswordAuthenticationToken remembered = UsernamePasswordAuthenticationToken.authenticated(
                result.getPrincipal(), null, result.getAuthorities());
        verified.put(username, new Verified(digest, remembered, clock.instant().plus(ttl)));
        return afterPassword(authentication, remembered);
    }

    /**
     * A right password is the whole login only without a second factor. With one, the form login goes on to ask for the
     * code (a pending authentication that grants nothing), and HTTP Basic, which cannot carry a code, is refused.
     */
    private Authentication afterPassword(Authentication attempt, Authentication verifiedPassword) {
        if (!secondFactor.isActive(verifiedPassword.getName())) {
            // a fresh token with this request's details: a remembered one would carry the first request's address
            UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(
                    verifiedPassword.getPrincipal(), null, verifiedPassword.getAuthorities());
            result.setDetails(attempt.getDetails());
            return result;
        }
        if (attempt.getDetails() instanceof SecondFactorLogin.FormLoginDetails) {
            return new TotpPendingAuthentication(verifiedPassword.getName(), attempt.getDetails());
        }
        throw new SecondFactorRequiredException();
    }

    /** A changed password, role or disabled account must not ride on a remembered check. */
    void forget(String username) {
        verified.remove(username);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private byte[] digest(String username, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal((username + '\0' + password).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
