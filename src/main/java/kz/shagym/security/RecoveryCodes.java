package kz.shagym.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The second factor's one-time recovery codes: a lawyer whose phone was lost, broken or taken at a border still signs
 * in, once per code, and can then turn the factor off or issue new codes. Ten letters and digits each (about 50 random
 * bits), grouped 5-5 for reading aloud; letters and digits that look alike (i, l, o, 0, 1) are left out. Only a SHA-256
 * over the username and the code is stored: the set is shown once. Guessing is throttled with the passwords
 * ({@link LoginThrottle}), which is what makes 50 bits plenty.
 */
@Component
class RecoveryCodes {

    static final int COUNT = 10;
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final int LENGTH = 10;
    /** The longest text taken for a code as typed (11 characters, and room for blanks around and between its groups). */
    static final int MAX_TYPED = 20;

    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();

    RecoveryCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A new set, replacing every earlier code of the user (used or not); returned once, for the user to keep. Called in
     * the caller's transaction, so that the old set is never gone without the new one in its place.
     */
    List<String> issue(String username, Instant now) {
        discard(username);
        List<String> codes = new ArrayList<>();
        while (codes.size() < COUNT) {
            String code = newCode();
            if (!codes.contains(code)) {
                codes.add(code);
                jdbc.sql("insert into totp_recovery_code (username, code_hash, created_at) values (:u, :h, :now)")
                        .param("u", username).param("h", hash(username, normalized(code)))
                        .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).update();
            }
        }
        return codes;
    }

    /** Marks the code used if it is one of the user's unused codes; true only for the first use. */
    boolean use(String username, String code, Instant now) {
        if (!looksLike(code)) {
            return false;
        }
        return jdbc.sql("update totp_recovery_code set used_at = :now where username = :u and code_hash = :h and used_at is null")
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).param("u", username)
                .param("h", hash(username, normalized(code))).update() == 1;
    }

    int remaining(String username) {
        return jdbc.sql("select count(*) from totp_recovery_code where username = :u and used_at is null")
                .param("u", username).query(Integer.class).single();
    }

    void discard(String username) {
        jdbc.sql("delete from totp_recovery_code where username = :u").param("u", username).update();
    }

    /**
     * The shape of a recovery code as typed: ten of its letters and digits, any case, blanks and hyphens ignored, at
     * most {@value #MAX_TYPED} characters in all.
     */
    static boolean looksLike(String code) {
        if (code == null || code.length() > MAX_TYPED) {
            return false;
        }
        String n = normalized(code);
        return n.length() == LENGTH && n.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
    }

    private static String normalized(String code) {
        return code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
    }

    private String newCode() {
        StringBuilder code = new StringBuilder(LENGTH + 1);
        for (int i = 0; i < LENGTH; i++) {
            if (i == LENGTH / 2) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** Bound to the username, so that equal codes of two users (or a copied row) do not match each other. */
    private static String hash(String username, String normalizedCode) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(("totp-recovery|" + username + "|" + normalizedCode).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
