package kz.shagym.security;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import kz.shagym.clock.ShagymClock;
import kz.shagym.web.ApiException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The optional TOTP second factor: enrol (a new secret, pending), confirm with a code (active, with ten one-time
 * recovery codes, {@link RecoveryCodes}), disable with a code or a recovery code, or an administrator's reset. The secret is stored encrypted under the identity keys, bound to the username. Every code
 * accepted moves {@code user_totp.last_step} forward in one conditional update, so a code (or an older one) is accepted
 * at most once even by two requests at the same moment. Codes are checked against the wall clock, not the application
 * clock that tests and demos move: authenticator apps run on real time.
 */
@Service
public class SecondFactor implements AtRestRewriter {

    public enum Status { NONE, PENDING, ACTIVE }

    public record Enrollment(String secret, String otpauthUri) {}

    private record Stored(String secretEnc, boolean active) {}

    private final JdbcClient jdbc;
    private final RecoveryCodes recoveryCodes;
    private final VictimIdentityCipher cipher;
    private final AuditLog audit;
    private final LoginThrottle throttle;
    private final ShagymClock appClock;
    private final Clock wallClock = Clock.systemUTC();
    private final String issuer;
    private final TransactionTemplate writes;

    SecondFactor(JdbcClient jdbc, RecoveryCodes recoveryCodes, VictimIdentityCipher cipher, AuditLog audit, LoginThrottle throttle,
                 ShagymClock appClock, PlatformTransactionManager transactions, @Value("${shagym.totp.issuer:Shagym}") String issuer) {
        this.jdbc = jdbc;
        this.writes = new TransactionTemplate(transactions);
        this.recoveryCodes = recoveryCodes;
        this.cipher = cipher;
        this.audit = audit;
        this.throttle = throttle;
        this.appClock = appClock;
        this.issuer = issuer;
    }

    public Status status(String username) {
        return stored(username).map(s -> s.active() ? Status.ACTIVE : Status.PENDING).orElse(Status.NONE);
    }

    public boolean isActive(String username) {
        return status(username) == Status.ACTIVE;
    }

    /** A new secret, pending until confirmed with a code; a previous pending one is replaced. */
    public Enrollment enroll(String username) {
        if (isActive(username)) {
            throw ApiException.conflict("a second factor is already active: disable it (with a code) before enrolling again");
        }
        String secret = TotpCodes.newSecret();
        jdbc.sql("delete from user_totp where username = :u and active = false").param("u", username).update();
        jdbc.sql("insert into user_totp (username, secret_enc, active, created_at, last_step) values (:u, :s, false, :now, 0)")
                .param("u", username).param("s", cipher.encryptBound(context(username), secret)).param("now", now()).update();
        audit.record(username, "TOTP_ENROLLED", "user " + username, "pending until confirmed with a code");
        return enrollment(username, secret);
    }

    /** The pending enrollment, to show its secret again until it is confirmed. */
    public Optional<Enrollment> pending(String username) {
        return stored(username).filter(s -> !s.active())
                .map(s -> enrollment(username, cipher.decryptBound(context(username), s.secretEnc())));
    }

    /**
     * Turns the factor on with a code of the app; returns its ten recovery codes, to be shown once. The activation and
     * the codes are one transaction: an account is never left on without its codes.
     */
    public List<String> confirm(String username, String code, String address) {
        requireAppCode(code);
        Stored stored = stored(username).orElseThrow(() -> ApiException.conflict("no enrollment to confirm: enroll first"));
        if (stored.active()) {
            throw ApiException.conflict("the second factor is already active");
        }
        refuseWhileThrottled(username, address);
        OptionalLong step = TotpCodes.matchingStep(cipher.decryptBound(context(username), stored.secretEnc()), code, wallClock.instant());
        List<String> codes = step.isEmpty() ? null : writes.execute(tx -> jdbc.sql("""
                        update user_totp set active = true, activated_at = :now, last_step = :step
                        where username = :u and active = false and last_step < :step""")
                .param("now", now()).param("step", step.getAsLong()).param("u", username).update() == 1
                ? recoveryCodes.issue(username, appClock.instant()) : null);
        if (codes == null) {
            wrongCode(username, address, "confirmation");
        }
        audit.record(username, "TOTP_ACTIVATED", "user " + username, "from " + address);
        recoveryCodesIssued(username, codes, address);
        return codes;
    }

    /** Unused recovery codes of an active factor (0 without one). */
    public int recoveryCodesLeft(String username) {
        return isActive(username) ? recoveryCodes.remaining(username) : 0;
    }

    /**
     * A new set of recovery codes, replacing the old (after some were used, or if the sheet may have been seen), for a
     * current code of the app or an unused recovery code (which the new set then replaces with the rest).
     */
    public List<String> regenerateRecoveryCodes(String username, String code, String address) {
        requireWellFormed(code);
        if (!isActive(username)) {
            throw ApiException.conflict("no active second factor: recovery codes come with it");
        }
        refuseWhileThrottled(username, address);
        record Renewal(Accepted by, List<String> codes) {}
        Renewal renewal = writes.execute(tx -> {
            lockFactor(username);
            Accepted by = check(username, code);
            return new Renewal(by, by == Accepted.NO ? null : recoveryCodes.issue(username, appClock.instant()));
        });
        if (renewal.by() == Accepted.NO) {
            wrongCode(username, address, "new recovery codes");
        }
        if (renewal.by() == Accepted.RECOVERY_CODE) {
            recoveryCodeUsed(username, "for a new set, which replaces the rest", address);
        }
        recoveryCodesIssued(username, renewal.codes(), address);
        return renewal.codes();
    }

    private void recoveryCodesIssued(String username, List<String> codes, String address) {
        audit.record(username, "TOTP_RECOVERY_CODES_ISSUED", "user " + username,
                codes.size() + " codes, earlier ones void; from " + address);
    }

    /** Turns the factor off with a code of the app or a recovery code; its recovery codes go with it. */
    public void disable(String username, String code, String address) {
        requireWellFormed(code);
        if (!isActive(username)) {
            throw ApiException.conflict("no active second factor to disable");
        }
        refuseWhileThrottled(username, address);
        Accepted by = writes.execute(tx -> {
            lockFactor(username);
            Accepted accepted = check(username, code);
            if (accepted != Accepted.NO) {
                jdbc.sql("delete from user_totp where username = :u").param("u", username).update();
                recoveryCodes.discard(username);
            }
            return accepted;
        });
        if (by == Accepted.NO) {
            wrongCode(username, address, "disabling");
        }
        if (by == Accepted.RECOVERY_CODE) {
            recoveryCodeUsed(username, "to turn the second factor off, the rest void with it", address);
        }
        audit.record(username, "TOTP_DISABLED", "user " + username,
                (by == Accepted.RECOVERY_CODE ? "with a recovery code" : "with a code") + ", from " + address);
    }

    /**
     * An administrator removes a user's second factor (a lost phone, no recovery code left) and its recovery codes;
     * the user can sign in with the password alone.
     */
    public boolean reset(String admin, String username) {
        int removed = writes.execute(tx -> {
            int factor = jdbc.sql("delete from user_totp where username = :u").param("u", username).update();
            recoveryCodes.discard(username);
            return factor;
        });
        audit.record(admin, "TOTP_RESET", "user " + username, removed == 1 ? "second factor removed" : "had none");
        return removed == 1;
    }

    /**
     * The login's code step: a code of the user's active second factor, not used before (nor any older one), or one of
     * their unused recovery codes (used up by this call, and audited with how many are left).
     */
    boolean accept(String username, String code, String address) {
        Accepted by = check(username, code);
        if (by == Accepted.RECOVERY_CODE) {
            recoveryCodeUsed(username, "at sign-in; " + recoveryCodes.remaining(username) + " unused left", address);
        }
        return by != Accepted.NO;
    }

    /** What a code was taken as. */
    private enum Accepted { NO, APP_CODE, RECOVERY_CODE }

    /** Checks the code and uses it up (an app code's step, or the recovery code), in the caller's transaction if any. */
    private Accepted check(String username, String code) {
        Optional<Stored> stored = stored(username).filter(Stored::active);
        if (stored.isEmpty() || code == null) {
            return Accepted.NO;
        }
        if (RecoveryCodes.looksLike(code)) {
            return recoveryCodes.use(username, code, appClock.instant()) ? Accepted.RECOVERY_CODE : Accepted.NO;
        }
        OptionalLong step = TotpCodes.matchingStep(cipher.decryptBound(context(username), stored.get().secretEnc()), code,
                wallClock.instant());
        return step.isPresent() && jdbc.sql("""
                        update user_totp set last_step = :step where username = :u and active = true and last_step < :step""")
                .param("step", step.getAsLong()).param("u", username).update() == 1 ? Accepted.APP_CODE : Accepted.NO;
    }

    private void recoveryCodeUsed(String username, String what, String address) {
        audit.record(username, "TOTP_RECOVERY_CODE_USED", "user " + username, what + "; from " + address);
    }

    /**
     * Changes of one user's factor and codes take turns (two new sets at once would leave twenty codes valid): the
     * factor's row is locked first.
     */
    private void lockFactor(String username) {
        jdbc.sql("select username from user_totp where username = :u for update").param("u", username).query(String.class).optional();
    }

    /** TOTP secrets are sealed under the identity keys: they move with a rotation before the old key is removed. */
    @Override
    public String name() {
        return "totpSecrets";
    }

    @Override
    public int rewriteAll() {
        return rewriteSecrets();
    }

    /** Key rotation: every stored secret not under the active key is rewritten to it (compare-and-set on the old value). */
    int rewriteSecrets() {
        List<String[]> rows = jdbc.sql("select username, secret_enc from user_totp")
                .query((rs, i) -> new String[] {rs.getString("username"), rs.getString("secret_enc")}).list();
        int rewritten = 0;
        for (String[] row : rows) {
            if (cipher.needsRewrite(row[1])) {
                String secret = cipher.decryptBound(context(row[0]), row[1]);
                rewritten += jdbc.sql("update user_totp set secret_enc = :new where username = :u and secret_enc = :old")
                        .param("new", cipher.encryptBound(context(row[0]), secret)).param("u", row[0]).param("old", row[1])
                        .update();
            }
        }
        return rewritten;
    }

    /**
     * Six digits or a recovery code's shape, or a 400 naming the field before anything is looked up or counted: text that cannot be a code is a
     * client's mistake (a pasted secret, a missing field), not a guess, so it is neither audited nor throttled.
     */
    private static void requireWellFormed(String code) {
        if (!TotpCodes.wellFormed(code) && !RecoveryCodes.looksLike(code)) {
            throw ApiException.badRequest("code", "a code is the " + TotpCodes.DIGITS
                    + " digits your authenticator app shows, or one of your recovery codes (xxxxx-xxxxx)");
        }
    }

    /** Turning the factor on proves the app works: only the app's code will do (there are no recovery codes yet). */
    private static void requireAppCode(String code) {
        if (!TotpCodes.wellFormed(code)) {
            throw ApiException.badRequest("code", "a code is the " + TotpCodes.DIGITS + " digits your authenticator app shows");
        }
    }

    private void refuseWhileThrottled(String username, String address) {
        throttle.refusal(username, address).ifPresent(wait -> {
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "code",
                    "too many wrong codes or passwords: try again in " + Math.max(1, wait.toSeconds()) + " s");
        });
    }

    /** A wrong code counts as a failed login, so guessing codes is throttled like guessing passwords. */
    private void wrongCode(String username, String address, String during) {
        throttle.failed(username, address);
        audit.record(username, "LOGIN_FAILURE", "user " + username, "wrong TOTP code (" + during + ") from " + address);
        throw ApiException.badRequest("code", "the code is wrong, expired or already used");
    }

    private Optional<Stored> stored(String username) {
        return jdbc.sql("select secret_enc, active from user_totp where username = :u").param("u", username)
                .query((rs, i) -> new Stored(rs.getString("secret_enc"), rs.getBoolean("active"))).optional();
    }

    private Enrollment enrollment(String username, String secret) {
        return new Enrollment(secret, TotpCodes.otpauthUri(issuer, username, secret));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(appClock.instant(), ZoneOffset.UTC);
    }

    private static String context(String username) {
        return "app_user.totp_secret:" + username;
    }
}
