package kz.shagym.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import kz.shagym.clock.ShagymClock;
import kz.shagym.web.ApiException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Personal API tokens: {@code shg_} + 32 random bytes in base64url, shown once. Only the SHA-256 of the token is
 * stored — a fast hash is enough because the token is 256 random bits, not a password, and it lets every request find
 * its row by an indexed lookup. A token acts as its user: the role and the enabled flag are read at every use, so a
 * changed role or a disabled account takes effect at once. Expiry is required (default 90 days, at most a year).
 */
@Service
public class ApiTokens {

    public static final String PREFIX = "shg_";
    private static final Pattern FORMAT = Pattern.compile(Pattern.quote(PREFIX) + "[A-Za-z0-9_-]{43}");
    /** "Last used" is for people deciding which token to revoke: a minute's precision spares a write per request. */
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    public record Created(UUID id, String name, String token, Instant createdAt, Instant expiresAt) {}

    public record Listed(UUID id, String name, Instant createdAt, Instant lastUsedAt, Instant expiresAt, boolean expired) {}

    /** What a presented token turned out to be. */
    sealed interface Outcome {}

    record Accepted(UUID tokenId, String tokenName, String username, Role role) implements Outcome {}

    /** tokenId and username are null when the token is unknown. */
    record Refused(String reason, UUID tokenId, String username) implements Outcome {}

    private final JdbcClient jdbc;
    private final ShagymClock clock;
    private final AuditLog audit;
    private final SecureRandom random = new SecureRandom();
    private final int defaultDays;
    private final int maxDays;
    private final int maxActive;

    ApiTokens(JdbcClient jdbc, ShagymClock clock, AuditLog audit,
              @Value("${shagym.tokens.default-days:90}") int defaultDays,
              @Value("${shagym.tokens.max-days:365}") int maxDays,
              @Value("${shagym.tokens.max-active:20}") int maxActive) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.defaultDays = defaultDays;
        this.maxDays = maxDays;
        this.maxActive = maxActive;
    }

    public int defaultDays() {
        return defaultDays;
    }

    public int maxDays() {
        return maxDays;
    }

    public Created create(String username, String name, Integer expiresInDays, String address) {
        String cleanName = validName(name);
        int days = validDays(expiresInDays);
        if (activeNames(username).contains(cleanName)) {
            throw ApiException.badRequest("name", "you already have a token named '" + cleanName + "'");
        }
        if (activeNames(username).size() >= maxActive) {
            throw ApiException.conflict("at most " + maxActive + " active tokens per user: revoke one first");
        }
        String token = newToken();
        UUID id = UUID.randomUUID();
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Instant expires = now.plus(Duration.ofDays(days));
        jdbc.sql("""
                insert into api_token (id, username, name, token_hash, created_at, expires_at)
                values (:id, :u, :name, :hash, :created, :expires)""")
                .param("id", id).param("u", username).param("name", cleanName).param("hash", hash(token))
                .param("created", utc(now)).param("expires", utc(expires)).update();
        audit.record(username, "TOKEN_CREATED", "token " + id, "'" + cleanName + "' expires " + expires + " from " + address);
        return new Created(id, cleanName, token, now, expires);
    }

    /** The user's tokens that are not revoked, newest first; expired ones stay listed (marked) until revoked. */
    public List<Listed> list(String username) {
        Instant now = clock.instant();
        return jdbc.sql("""
                select id, name, created_at, last_used_at, expires_at from api_token
                where username = :u and revoked_at is null order by created_at desc, name""")
                .param("u", username)
                .query((rs, i) -> {
                    Instant expires = instant(rs, "expires_at");
                    return new Listed(rs.getObject("id", UUID.class), rs.getString("name"), instant(rs, "created_at"),
                            instant(rs, "last_used_at"), expires, !expires.isAfter(now));
                })
                .list();
    }

    /** Revokes one of the user's own tokens; another user's token is "not found", as if it did not exist. */
    public void revoke(String username, UUID id, String address) {
        int revoked = jdbc.sql("update api_token set revoked_at = :now where id = :id and username = :u and revoked_at is null")
                .param("now", utc(clock.instant())).param("id", id).param("u", username).update();
        if (revoked == 0) {
            throw ApiException.notFound("token " + id);
        }
        audit.record(username, "TOKEN_REVOKED", "token " + id, "from " + address);
    }

    Outcome authenticate(String presented) {
        if (presented == null || !FORMAT.matcher(presented).matches()) {
            return new Refused("the token is malformed: expected " + PREFIX + " followed by 43 characters", null, null);
        }
        record Row(UUID id, String name, String username, Instant expires, boolean revoked, Instant lastUsed,
                   boolean enabled, String role) {}
        Optional<Row> found = jdbc.sql("""
                select t.id, t.name, t.username, t.expires_at, t.revoked_at, t.last_used_at, u.enabled, u.role
                from api_token t join app_user u on u.username = t.username where t.token_hash = :hash""")
                .param("hash", hash(presented))
                .query((rs, i) -> new Row(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("username"),
                        instant(rs, "expires_at"), rs.getObject("revoked_at") != null, instant(rs, "last_used_at"),
                        rs.getBoolean("enabled"), rs.getString("role")))
                .optional();
        if (found.isEmpty()) {
            return new Refused("the token is not known", null, null);
        }
        Row row = found.get();
        Instant now = clock.instant();
        if (row.revoked()) {
            return new Refused("the token has been revoked", row.id(), row.username());
        }
        if (!row.expires().isAfter(now)) {
            return new Refused("the token expired at " + row.expires(), row.id(), row.username());
        }
        if (!row.enabled()) {
            return new Refused("the account of this token is disabled", row.id(), row.username());
        }
        if (row.lastUsed() == null || row.lastUsed().isBefore(now.minus(LAST_USED_PRECISION))) {
            jdbc.sql("update api_token set last_used_at = :now where id = :id").param("now", utc(now)).param("id", row.id()).update();
        }
        return new Accepted(row.id(), row.name(), row.username(), Role.valueOf(row.role()));
    }

    private List<String> activeNames(String username) {
        return jdbc.sql("select name from api_token where username = :u and revoked_at is null and expires_at > :now")
                .param("u", username).param("now", utc(clock.instant())).query(String.class).list();
    }

    private String validName(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 100 || clean.codePoints().anyMatch(Character::isISOControl)) {
            throw ApiException.badRequest("name", "a name of 1–100 characters is required (what the token is for)");
        }
        return clean;
    }

    private int validDays(Integer expiresInDays) {
        int days = expiresInDays == null ? defaultDays : expiresInDays;
        if (days < 1 || days > maxDays) {
            throw ApiException.badRequest("expiresInDays", "must be between 1 and " + maxDays + " days");
        }
        return days;
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
