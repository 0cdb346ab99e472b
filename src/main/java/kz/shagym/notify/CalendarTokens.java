package kz.shagym.notify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * One secret feed token per user. The token is the only credential of the feed (calendar apps cannot log in), so it is
 * long and random, shown once, stored only as a SHA-256 hash, and replaced or revoked by its owner.
 */
@Repository
class CalendarTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TOKEN_BYTES = 32;

    private final JdbcClient jdbc;

    CalendarTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new token for the user; any previous one stops working at once. */
    @Transactional
    String rotate(String username, Instant now) {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        revoke(username);
        jdbc.sql("insert into calendar_token (username, token_hash, created_at) values (:u, :h, :now)")
                .param("u", username).param("h", hash(token)).param("now", ReminderOutbox.utc(now)).update();
        return token;
    }

    boolean revoke(String username) {
        return jdbc.sql("delete from calendar_token where username = :u").param("u", username).update() > 0;
    }

    Optional<String> owner(String token) {
        return jdbc.sql("select username from calendar_token where token_hash = :h").param("h", hash(token))
                .query(String.class).optional();
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
