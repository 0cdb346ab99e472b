package kz.shagym.security;

import java.time.Clock;
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

    public record Account(String username, Role role, String fullName, String email, String language) {}

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
        jdbc.sql("""
                insert into app_user (username, password_hash, role, full_name, email, language, enabled, created_at)
                values (:u, :p, :r, :n, :e, :l, true, :now)""")
                .param("u", username).param("p", encoder.encode(rawPassword)).param("r", role.name())
                .param("n", fullName).param("e", email).param("l", language == null ? "ru" : language)
                .param("now", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .update();
    }

    public Optional<Account> find(String username) {
        return jdbc.sql("select username, role, full_name, email, language from app_user where username = :u")
                .param("u", username)
                .query((rs, i) -> new Account(rs.getString("username"), Role.valueOf(rs.getString("role")),
                        rs.getString("full_name"), rs.getString("email"), rs.getString("language")))
                .optional();
    }

    public List<Account> all() {
        return jdbc.sql("select username, role, full_name, email, language from app_user order by username")
                .query((rs, i) -> new Account(rs.getString("username"), Role.valueOf(rs.getString("role")),
                        rs.getString("full_name"), rs.getString("email"), rs.getString("language")))
                .list();
    }
}
