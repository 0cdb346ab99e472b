package kz.shagym.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.util.List;
import kz.shagym.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Administrators create the lawyers, coordinators and staff who use the system. */
@RestController
@RequestMapping("/api/users")
class UserController {

    record NewUser(@NotBlank(message = "is required") @Pattern(regexp = "[a-zA-Z0-9._-]{2,100}", message = "2–100 letters, digits, . _ -") String username,
                   @NotBlank(message = "is required") @Size(min = 10, max = 200, message = "10–200 characters") String password,
                   @NotNull(message = "is required: ADMIN, COORDINATOR, LAWYER or STAFF") Role role,
                   @Size(max = 200, message = "at most 200 characters") String fullName,
                   @Email(message = "is not an e-mail address") @Size(max = 320, message = "at most 320 characters") String email,
                   @Pattern(regexp = "ru|kk|en", message = "must be ru, kk or en") String language) {}

    static final int BCRYPT_MAX_BYTES = 72;

    private final UserAccounts accounts;

    UserController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    UserAccounts.Account create(@Valid @RequestBody NewUser user) {
        if (user.password().getBytes(StandardCharsets.UTF_8).length > BCRYPT_MAX_BYTES) {
            // bcrypt reads 72 bytes and refuses more: a longer password would be a 500, or silently cut short
            throw ApiException.badRequest("password", "at most " + BCRYPT_MAX_BYTES + " bytes (UTF-8)");
        }
        if (accounts.exists(user.username())) {
            throw ApiException.conflict("user " + user.username() + " already exists");
        }
        accounts.create(user.username(), user.password(), user.role(), user.fullName(), user.email(), user.language());
        return accounts.find(user.username()).orElseThrow();
    }

    @GetMapping
    List<UserAccounts.Account> all() {
        return accounts.all();
    }
}
