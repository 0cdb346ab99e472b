package kz.shagym.security;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Users in the application database, passwords hashed with bcrypt. */
@Service
public class UserAccounts implements UserDetailsService {

    public record Account(String username, Role role, String fullName, String email, String language, boolean enabled,
                          boolean mustChangePassword, Instant lastSignInAt) {}

    /** What every request of a signed-in user is checked against (see AccountStanding). */
    record Standing(boolean enabled, boolean mustChangePassword, Instant sessionsValidAfter) {}

    private static final String ACCOUNT_COLUMNS =
            "username, role, full_name, email, language, enabled, must_change_password, last_sign_in_at";

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final Clock clock;

    UserAccounts(JdbcClient jdbc, PasswordEncoder encoder, kz.shagym.clock.ShagymClock clock) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql("select username, password_hash, role, enabled from app_user where username = :u")
                .param("u", username)
                .query((rs, i) -> User.withUsername(rs.getString("username"))
                        .password(rs.getString("password_hash"))
                        .authorities(List.of(new SimpleGrantedAuthority("ROLE_" + rs.getString("role"))))
                        .disabled(!rs.getBoolean("enabled"))
                        .build())
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    public boolean exists(String username) {
        return jdbc.sql("select count(*) from app_user where username = :u").param("u", username).query(Integer.class).single() > 0;
    }

    public void create(String username, String rawPassword, Role role, String fullName, String email, String language) {
        create(username, rawPassword, role, fullName, email, language, false);
    }

    /** {@code mustChangePassword}: the password was chosen by an administrator, so its user replaces it at sign-in. */
    void create(String username, String rawPassword, Role role, String fullName, String email, String language,
                boolean mustChangePassword) {
        jdbc.sql("""
                insert into app_user (username, password_hash, role, full_name, email, language, enabled, created_at,
                                      must_change_password)
                values (:u, :p, :r, :n, :e, :l, true, :now, :must)""")
                .param("u", username).param("p", encoder.encode(rawPassword)).param("r", role.name())
                .param("n", fullName).param("e", email).param("l", language == null ? "ru" : language)
                .param("now", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .param("must", mustChangePassword)
                .update();
    }

    public Optional<Account> find(String username) {
        return jdbc.sql("select " + ACCOUNT_COLUMNS + " from app_user where username = :u")
                .param("u", username)
                .query((rs, i) -> account(rs))
                .optional();
    }

    public List<Account> all() {
        return jdbc.sql("select " + ACCOUNT_COLUMNS + " from app_user order by username")
                .query((rs, i) -> account(rs))
                .list();
    }

    Optional<Standing> standing(String username) {
        return jdbc.sql("select enabled, must_change_password, sessions_valid_after from app_user where username = :u")
                .param("u", username)
                .query((rs, i) -> new Standing(rs.getBoolean("enabled"), rs.getBoolean("must_change_password"),
                        instant(rs, "sessions_valid_after")))
                .optional();
    }

    boolean passwordMatches(String username, String rawPassword) {
        return jdbc.sql("select password_hash from app_user where username = :u").param("u", username).query(String.class)
                .optional().map(hash -> encoder.matches(rawPassword, hash)).orElse(false);
    }

    /** The enabled administrators, their rows locked: two admins demoting each other at once must not leave none. */
    List<String> lockEnabledAdmins() {
        return jdbc.sql("select username from app_user where role = 'ADMIN' and enabled = true order by username for update")
                .query(String.class).list();
    }

    void setRole(String username, Role role) {
        jdbc.sql("update app_user set role = :r where username = :u").param("r", role.name()).param("u", username).update();
    }

    void setLanguage(String username, String language) {
        jdbc.sql("update app_user set language = :l where username = :u").param("l", language).param("u", username).update();
    }

    void setEnabled(String username, boolean enabled) {
        jdbc.sql("update app_user set enabled = :e where username = :u").param("e", enabled).param("u", username).update();
    }

    void setPassword(String username, String rawPassword, boolean mustChange) {
        jdbc.sql("update app_user set password_hash = :p, must_change_password = :m where username = :u")
                .param("p", encoder.encode(rawPassword)).param("m", mustChange).param("u", username).update();
    }

    /** Sessions signed in before {@code instant} end at their next request (AccountStanding). */
    void endSessionsBefore(String username, Instant instant) {
        jdbc.sql("update app_user set sessions_valid_after = :t where username = :u")
                .param("t", OffsetDateTime.ofInstant(instant, ZoneOffset.UTC)).param("u", username).update();
    }

    void signedIn(String username, Instant at) {
        jdbc.sql("update app_user set last_sign_in_at = :t where username = :u")
                .param("t", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).param("u", username).update();
    }

    private static Account account(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Account(rs.getString("username"), Role.valueOf(rs.getString("role")), rs.getString("full_name"),
                rs.getString("email"), rs.getString("language"), rs.getBoolean("enabled"),
                rs.getBoolean("must_change_password"), instant(rs, "last_sign_in_at"));
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
