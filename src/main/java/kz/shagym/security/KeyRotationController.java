package kz.shagym.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Key rotation, second half: after {@code shagym.crypto.active-key} names a new key (the old one still configured),
 * an administrator rewrites every row — and every file the features encrypt ({@link AtRestRewriter}: letters) — to the
 * active key. Afterwards the old key can be removed from the configuration.
 */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class KeyRotationController {

    private final IdentityRewriter rewriter;
    private final VictimIdentityCipher cipher;
    private final List<AtRestRewriter> others;

    KeyRotationController(JdbcClient jdbc, VictimIdentityCipher cipher, List<AtRestRewriter> others) {
        this.rewriter = new IdentityRewriter(jdbc, cipher);
        this.cipher = cipher;
        this.others = others;
    }

    /** Answers {@code {"activeKey", "rewritten": <complaint rows>, "<name>": <items>...}}, e.g. {@code "letterFiles": 12}. */
    @PostMapping("/api/admin/crypto/rotate")
    Map<String, Object> rotate() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("activeKey", cipher.activeKeyId());
        answer.put("rewritten", rewriter.rewriteAll());
        others.forEach(other -> answer.put(other.name(), other.rewriteAll()));
        return answer;
    }
}
