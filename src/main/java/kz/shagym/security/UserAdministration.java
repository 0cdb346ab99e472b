package kz.shagym.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;
import kz.shagym.security.UserChangeRefused.Reason;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules for changing accounts, one set for the pages and the API: who may be created with what, that the last
 * enabled administrator is never disabled or demoted (nor an administrator by themselves), that a password chosen by
 * an administrator is replaced by its user at the next sign-in, and that every change is audited without a password.
 * A change that takes away what a session was signed in with (a password, the account, a role) ends the user's
 * sessions: {@link AccountStanding} refuses a session signed in before {@code sessions_valid_after} at its next request.
 * Tokens are separate credentials: they keep working across password changes and stop with a disabled account.
 */
@Service
public class UserAdministration {

    public static final int MIN_PASSWORD = 10;
    public static final int MAX_PASSWORD_CHARS = 200;
    /** bcrypt reads 72 bytes and refuses more: a longer password would be a 500, or silently cut short. */
    public static final int MAX_PASSWORD_BYTES = 72;
    public static final int MAX_FULL_NAME = 200;
    public static final int MAX_EMAIL = 320;
    public static final List<String> LANGUAGES = List.of("ru", "kk", "en");

    private static final Pattern USERNAME = Pattern.compile("[a-zA-Z0-9._-]{2,100}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    /** No letters that look alike (l/1, o/0): a generated password is read off a screen and typed. */
    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new account as typed; a blank password asks for a generated one. */
    public record NewAccount(String username, String fullName, String email, Role role, String language, String password) {}

    /** The account made, and the password generated for it (null when the administrator typed one). */
    public record Created(UserAccounts.Account account, String generatedPassword) {}

    private final UserAccounts accounts;
    private final AuditLog audit;
    private final LoginThrottle throttle;
    private final CachingAuthenticationProvider credentials;
    private final SecondFactor secondFactor;
    private final Clock clock = Clock.systemUTC(); // the real clock, as the sessions' sign-in times use

    UserAdministration(UserAccounts accounts, AuditLog audit, LoginThrottle throttle, CachingAuthenticationProvider credentials,
                       SecondFactor secondFactor) {
        this.accounts = accounts;
        this.audit = audit;
        this.throttle = throttle;
        this.credentials = credentials;
        this.secondFactor = secondFactor;
    }

    /**
     * {@code mustChangePassword}: on the pages always (the administrator knows the password); the API leaves it to
     * the caller, as scripts that provision accounts did before.
     */
    @Transactional
    public Created create(String admin, NewAccount account, boolean mustChangePassword) {
        if (account.username() == null || account.username().isBlank()) {
            throw new UserChangeRefused("username", Reason.REQUIRED);
        }
        if (!USERNAME.matcher(account.username()).matches()) {
            throw new UserChangeRefused("username", Reason.USERNAME_FORMAT);
        }
        String fullName = blankToNull(account.fullName());
        if (fullName != null && fullName.length() > MAX_FULL_NAME) {
            throw new UserChangeRefused("fullName", Reason.TOO_LONG, MAX_FULL_NAME);
        }
        String email = blankToNull(account.email());
        if (email != null && email.length() > MAX_EMAIL) {
            throw new UserChangeRefused("email", Reason.TOO_LONG, MAX_EMAIL);
        }
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw new UserChangeRefused("email", Reason.EMAIL_FORMAT);
        }
        if (account.role() == null) {
            throw new UserChangeRefused("role", Reason.ROLE);
        }
        String language = language(account.language());
        String generated = blankToNull(account.password()) == null ? generatePassword() : null;
        String password = generated != null ? generated : account.password();
        checkNewPassword("password", password);
        if (accounts.exists(account.username())) {
            throw new UserChangeRefused("username", Reason.USERNAME_TAKEN);
        }
        accounts.create(account.username(), password, account.role(), fullName == null ? null : fullName.strip(), email, language,
                mustChangePassword);
        audit.record(admin, AccountChange.USER_CREATED.name(), target(account.username()), "role " + account.role()
                + ", language " + language + (generated != null ? ", generated one-time password" : ", password set by the administrator")
                + (mustChangePassword ? "; must choose a new password at sign-in" : ""));
        return new Created(accounts.find(account.username()).orElseThrow(), generated);
    }

    @Transactional
    public UserAccounts.Account changeRole(String admin, String username, Role role) {
        UserAccounts.Account account = existing(username);
        if (role == null) {
            throw new UserChangeRefused("role", Reason.ROLE);
        }
        if (account.role() == role) {
            return account;
        }
        if (account.role() == Role.ADMIN) {
            guardAdministrators(admin, account, "role");
        }
        accounts.setRole(username, role);
        // a session carries the role it signed in with: it must not keep the old one
        endSessions(username);
        audit.record(admin, AccountChange.USER_ROLE_CHANGED.name(), target(username), account.role() + " -> " + role);
        return accounts.find(username).orElseThrow();
    }

    @Transactional
    public UserAccounts.Account changeLanguage(String admin, String username, String language) {
        UserAccounts.Account account = existing(username);
        if (language == null || language.isBlank()) {
            throw new UserChangeRefused("language", Reason.REQUIRED);
        }
        String chosen = language(language);
        if (!chosen.equals(account.language())) {
            accounts.setLanguage(username, chosen);
            audit.record(admin, AccountChange.USER_LANGUAGE_CHANGED.name(), target(username), account.language() + " -> " + chosen);
        }
        return accounts.find(username).orElseThrow();
    }

    /** A disabled account signs in nowhere: its sessions end, Basic and its tokens are refused (ApiTokens reads the flag). */
    @Transactional
    public UserAccounts.Account setEnabled(String admin, String username, boolean enabled) {
        UserAccounts.Account account = existing(username);
        if (account.enabled() == enabled) {
            return account;
        }
        if (!enabled && account.role() == Role.ADMIN) {
            guardAdministrators(admin, account, "enabled");
        }
        accounts.setEnabled(username, enabled);
        // also on enabling: sessions from before the account was disabled stay ended
        endSessions(username);
        audit.record(admin, (enabled ? AccountChange.USER_ENABLED : AccountChange.USER_DISABLED).name(), target(username), null);
        return accounts.find(username).orElseThrow();
    }

    /**
     * A temporary password (typed by the administrator, or generated when blank) that its user must replace at the
     * next sign-in; the user's sessions end. Returns the generated password, or null.
     */
    @Transactional
    public String resetPassword(String admin, String username, String password) {
        existing(username);
        String generated = blankToNull(password) == null ? generatePassword() : null;
        String temporary = generated != null ? generated : password;
        checkNewPassword("password", temporary);
        accounts.setPassword(username, temporary, true);
        endSessions(username);
        audit.record(admin, AccountChange.PASSWORD_RESET.name(), target(username), (generated != null
                ? "generated temporary password" : "temporary password set by the administrator") + "; sessions ended");
        return generated;
    }

    /** Whether there was a second factor to remove (audited as TOTP_RESET by SecondFactor). */
    public boolean resetSecondFactor(String admin, String username) {
        existing(username);
        boolean had = secondFactor.reset(admin, username);
        credentials.forget(username);
        return had;
    }

    /**
     * The user's own change, with the current password: a wrong one counts in the login throttle like a wrong
     * password at sign-in (and is refused while throttled). Every other session of the user ends; the caller keeps
     * its own by the instant returned (see {@link AccountStanding#keep}). The shape of the form is checked before
     * the current password, so that a malformed form costs no attempt.
     */
    @Transactional
    public Instant changeOwnPassword(String username, String current, String newPassword, String again, String address) {
        if (current == null || current.isEmpty()) {
            throw new UserChangeRefused("currentPassword", Reason.REQUIRED);
        }
        if (current.length() > MAX_PASSWORD_CHARS || bytes(current) > MAX_PASSWORD_BYTES) {
            throw new UserChangeRefused("currentPassword", Reason.PASSWORD_TOO_LONG, MAX_PASSWORD_BYTES);
        }
        checkNewPassword("newPassword", newPassword);
        checkRepeated(newPassword, again);
        if (throttle.refusal(username, address).isPresent()) {
            throw new UserChangeRefused("currentPassword", Reason.THROTTLED);
        }
        if (!accounts.passwordMatches(username, current)) {
            throttle.failed(username, address);
            audit.record(username, "LOGIN_FAILURE", null, "wrong current password at a password change, from " + address);
            throw new UserChangeRefused("currentPassword", Reason.CURRENT_PASSWORD_WRONG);
        }
        if (current.equals(newPassword)) {
            throw new UserChangeRefused("newPassword", Reason.PASSWORD_UNCHANGED);
        }
        return replacePassword(username, newPassword, "by the user, from " + address);
    }

    /** The step after a sign-in with a temporary password: a new one, twice, and not the temporary one again. */
    @Transactional
    public Instant chooseRequiredPassword(String username, String newPassword, String again, String address) {
        checkNewPasswords(newPassword, again);
        if (accounts.passwordMatches(username, newPassword)) {
            throw new UserChangeRefused("newPassword", Reason.PASSWORD_UNCHANGED);
        }
        return replacePassword(username, newPassword, "by the user in place of a temporary password, from " + address);
    }

    /** The rules of a new password typed twice, before anything is looked up. */
    public static void checkNewPasswords(String newPassword, String again) {
        checkNewPassword("newPassword", newPassword);
        checkRepeated(newPassword, again);
    }

    public boolean mustChangePassword(String username) {
        return accounts.standing(username).map(UserAccounts.Standing::mustChangePassword).orElse(false);
    }

    /** A strong one-time password: 16 characters of 32 (80 bits), in groups of four to be read off a screen. */
    public static String generatePassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                password.append('-');
            }
            password.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return password.toString();
    }

    private Instant replacePassword(String username, String newPassword, String how) {
        accounts.setPassword(username, newPassword, false);
        Instant now = endSessions(username);
        audit.record(username, AccountChange.PASSWORD_CHANGED.name(), target(username), how + "; other sessions ended");
        return now;
    }

    /** The last enabled administrator stays one, and no administrator removes their own rights. */
    private void guardAdministrators(String admin, UserAccounts.Account account, String field) {
        List<String> enabledAdmins = accounts.lockEnabledAdmins();
        if (account.enabled() && enabledAdmins.size() <= 1 && enabledAdmins.contains(account.username())) {
            throw new UserChangeRefused(field, Reason.LAST_ADMIN);
        }
        if (account.username().equals(admin)) {
            throw new UserChangeRefused(field, Reason.OWN_ACCOUNT);
        }
    }

    private Instant endSessions(String username) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        accounts.endSessionsBefore(username, now);
        credentials.forget(username);
        return now;
    }

    private UserAccounts.Account existing(String username) {
        return accounts.find(username).orElseThrow(() -> new UserChangeRefused(null, Reason.NO_SUCH_USER));
    }

    private static void checkNewPassword(String field, String password) {
        if (password == null || password.isEmpty()) {
            throw new UserChangeRefused(field, Reason.REQUIRED);
        }
        if (password.length() < MIN_PASSWORD) {
            throw new UserChangeRefused(field, Reason.PASSWORD_TOO_SHORT, MIN_PASSWORD);
        }
        if (password.length() > MAX_PASSWORD_CHARS || bytes(password) > MAX_PASSWORD_BYTES) {
            throw new UserChangeRefused(field, Reason.PASSWORD_TOO_LONG, MAX_PASSWORD_BYTES);
        }
    }

    private static void checkRepeated(String newPassword, String again) {
        if (again == null || again.isEmpty()) {
            throw new UserChangeRefused("newPasswordAgain", Reason.REQUIRED);
        }
        if (!newPassword.equals(again)) {
            throw new UserChangeRefused("newPasswordAgain", Reason.PASSWORDS_DIFFER);
        }
    }

    private static String language(String language) {
        if (language == null || language.isBlank()) {
            return "ru";
        }
        if (!LANGUAGES.contains(language)) {
            throw new UserChangeRefused("language", Reason.LANGUAGE);
        }
        return language;
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static String target(String username) {
        return "user " + username;
    }
}
