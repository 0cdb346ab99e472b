package kz.shagym.security;

import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Key rotation, second half: after {@code shagym.crypto.active-key} names a new key (the old one still configured),
 * an administrator rewrites every row to the active key. Afterwards the old key can be removed from the configuration.
 */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class KeyRotationController {

    private final IdentityRewriter rewriter;
    private final VictimIdentityCipher cipher;
    private final SecondFactor secondFactor;

    KeyRotationController(JdbcClient jdbc, VictimIdentityCipher cipher, SecondFactor secondFactor) {
        this.rewriter = new IdentityRewriter(jdbc, cipher);
        this.cipher = cipher;
        this.secondFactor = secondFactor;
    }

    @PostMapping("/api/admin/crypto/rotate")
    Map<String, Object> rotate() {
        int rewritten = rewriter.rewriteAll();
        // TOTP secrets are sealed under the same keys: they must move too before the old key is removed
        int totpSecrets = secondFactor.rewriteSecrets();
        return Map.of("activeKey", cipher.activeKeyId(), "rewritten", rewritten, "totpSecretsRewritten", totpSecrets);
    }
}
