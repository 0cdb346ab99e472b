package kz.shagym.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import kz.shagym.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The TOTP second factor over the API: enrol (needs the password, not a token), confirm with a code, disable with a
 * code (or a recovery code); ten one-time recovery codes come with turning it on. A new set is made on the account page
 * only: once the factor is on, HTTP Basic is refused for the account and a token must not mint codes that would outlive
 * it, so an API endpoint for it could never be called. An administrator resets a user's second factor (DELETE /api/users/{username}/totp, admin-only like all of
 * /api/users). Once active, HTTP Basic is refused for the account: personal tokens are its way into the API.
 */
@RestController
class TotpController {

    record Code(String code) {}

    private final SecondFactor secondFactor;
    private final UserAccounts accounts;

    TotpController(SecondFactor secondFactor, UserAccounts accounts) {
        this.secondFactor = secondFactor;
        this.accounts = accounts;
    }

    @GetMapping("/api/me/totp")
    Map<String, Object> status(Authentication user) {
        SecondFactor.Status status = secondFactor.status(user.getName());
        return status == SecondFactor.Status.ACTIVE
                ? Map.of("status", status.name(), "recoveryCodesLeft", secondFactor.recoveryCodesLeft(user.getName()))
                : Map.of("status", status.name());
    }

    @PostMapping("/api/me/totp/enrollment")
    SecondFactor.Enrollment enroll(Authentication user) {
        if (ApiTokenAuthentication.isToken(user)) {
            throw new ApiException(HttpStatus.FORBIDDEN, null, "a token cannot enrol a second factor: sign in with your password");
        }
        return secondFactor.enroll(user.getName());
    }

    @PostMapping("/api/me/totp/confirmation")
    Map<String, Object> confirm(Authentication user, @RequestBody Code body, HttpServletRequest request) {
        List<String> recoveryCodes = secondFactor.confirm(user.getName(), body.code(), request.getRemoteAddr());
        return Map.of("status", SecondFactor.Status.ACTIVE.name(), "recoveryCodes", recoveryCodes);
    }

    @PostMapping("/api/me/totp/disable")
    Map<String, String> disable(Authentication user, @RequestBody Code body, HttpServletRequest request) {
        secondFactor.disable(user.getName(), body.code(), request.getRemoteAddr());
        return Map.of("status", SecondFactor.Status.NONE.name());
    }

    @DeleteMapping("/api/users/{username}/totp")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void reset(Authentication admin, @PathVariable String username) {
        if (!accounts.exists(username)) {
            throw ApiException.notFound("user " + username);
        }
        secondFactor.reset(admin.getName(), username);
    }
}
