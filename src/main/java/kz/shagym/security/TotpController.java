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
 * code (or a recovery code); ten one-time recovery codes come with turning it on, and a new set on request; an
 * administrator resets a user's second factor (DELETE /api/users/{username}/totp, admin-only like all of
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

    /**
     * A new set of recovery codes for a current code (of the app, or an unused recovery code); the old set is void. Not
     * for a token, as enrolment is not: a token and a code that a script may keep beside it must not mint codes that
     * would outlive the token. (With the factor on, HTTP Basic is refused too, so in practice the account page, signed
     * in with password and code, is where a new set is made.)
     */
    @PostMapping("/api/me/totp/recovery-codes")
    Map<String, Object> recoveryCodes(Authentication user, @RequestBody Code body, HttpServletRequest request) {
        if (ApiTokenAuthentication.isToken(user)) {
            throw new ApiException(HttpStatus.FORBIDDEN, null,
                    "a token cannot issue recovery codes: sign in with your password and code on the account page");
        }
        return Map.of("recoveryCodes", secondFactor.regenerateRecoveryCodes(user.getName(), body.code(), request.getRemoteAddr()));
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
