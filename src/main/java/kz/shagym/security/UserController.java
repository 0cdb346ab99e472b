package kz.shagym.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import kz.shagym.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators create the lawyers, coordinators and staff who use the system, and change their role, language and
 * whether they may sign in, and reset a password; everyone changes their own password. The rules are
 * {@link UserAdministration}'s, the same as on the pages.
 */
@RestController
class UserController {

    record NewUser(@NotBlank(message = "is required") @Pattern(regexp = "[a-zA-Z0-9._-]{2,100}", message = "2–100 letters, digits, . _ -") String username,
                   @NotBlank(message = "is required") @Size(min = 10, max = 200, message = "10–200 characters") String password,
                   @NotNull(message = "is required: ADMIN, COORDINATOR, LAWYER or STAFF") Role role,
                   @Size(max = 200, message = "at most 200 characters") String fullName,
                   @Email(message = "is not an e-mail address") @Size(max = 320, message = "at most 320 characters") String email,
                   @Pattern(regexp = "ru|kk|en", message = "must be ru, kk or en") String language,
                   Boolean mustChangePassword) {}

    /** Only the fields given change; at least one is needed. */
    record UserChange(Role role, @Pattern(regexp = "ru|kk|en", message = "must be ru, kk or en") String language, Boolean enabled) {}

    /** A blank or absent password asks for a generated one, returned once. */
    record PasswordReset(@Size(max = 200, message = "at most 200 characters") String password) {}

    record PasswordChange(@NotBlank(message = "is required") @Size(max = 200, message = "at most 200 characters") String currentPassword,
                          @NotBlank(message = "is required") @Size(max = 200, message = "at most 200 characters") String newPassword) {}

    private final UserAccounts accounts;
    private final UserAdministration administration;

    UserController(UserAccounts accounts, UserAdministration administration) {
        this.accounts = accounts;
        this.administration = administration;
    }

    @PostMapping("/api/users")
    @ResponseStatus(HttpStatus.CREATED)
    UserAccounts.Account create(Authentication admin, @Valid @RequestBody NewUser user) {
        return administration.create(admin.getName(), new UserAdministration.NewAccount(user.username(), user.fullName(), user.email(),
                user.role(), user.language(), user.password()), Boolean.TRUE.equals(user.mustChangePassword())).account();
    }

    @GetMapping("/api/users")
    List<UserAccounts.Account> all() {
        return accounts.all();
    }

    @PatchMapping("/api/users/{username}")
    UserAccounts.Account change(Authentication admin, @PathVariable String username, @Valid @RequestBody UserChange change) {
        if (change.role() == null && change.language() == null && change.enabled() == null) {
            throw ApiException.badRequest("role", "give at least one of role, language, enabled");
        }
        UserAccounts.Account account = accounts.find(username).orElseThrow(() -> ApiException.notFound("user " + username));
        if (change.role() != null) {
            account = administration.changeRole(admin.getName(), username, change.role());
        }
        if (change.language() != null) {
            account = administration.changeLanguage(admin.getName(), username, change.language());
        }
        if (change.enabled() != null) {
            account = administration.setEnabled(admin.getName(), username, change.enabled());
        }
        return account;
    }

    @PostMapping("/api/users/{username}/password-reset")
    Map<String, Object> resetPassword(Authentication admin, @PathVariable String username, @Valid @RequestBody PasswordReset reset) {
        String generated = administration.resetPassword(admin.getName(), username, reset.password());
        return generated == null ? Map.of("username", username, "mustChangePassword", true)
                : Map.of("username", username, "mustChangePassword", true, "temporaryPassword", generated);
    }

    /** With the password only: a token must not replace the password it stands beside. */
    @PostMapping("/api/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changeOwn(Authentication user, @Valid @RequestBody PasswordChange change, HttpServletRequest request) {
        if (ApiTokenAuthentication.isToken(user)) {
            throw new ApiException(HttpStatus.FORBIDDEN, null, UserChangeRefused.Reason.TOKEN.detail());
        }
        if (administration.mustChangePassword(user.getName())) {
            // the temporary password was just sent as Basic: it is the current one
            administration.chooseRequiredPassword(user.getName(), change.newPassword(), change.newPassword(), request.getRemoteAddr());
            return;
        }
        administration.changeOwnPassword(user.getName(), change.currentPassword(), change.newPassword(), change.newPassword(),
                request.getRemoteAddr());
    }
}
