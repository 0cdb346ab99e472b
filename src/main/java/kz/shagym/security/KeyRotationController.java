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

    KeyRotationController(JdbcClient jdbc, VictimIdentityCipher cipher) {
        this.rewriter = new IdentityRewriter(jdbc, cipher);
        this.cipher = cipher;
    }

    @PostMapping("/api/admin/crypto/rotate")
    Map<String, Object> rotate() {
        int rewritten = rewriter.rewriteAll();
        return Map.of("activeKey", cipher.activeKeyId(), "rewritten", rewritten);
    }
}
