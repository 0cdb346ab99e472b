package kz.shagym.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import kz.shagym.web.ApiException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A user's own personal API tokens. Creating one needs the password (HTTP Basic or the signed-in page), never another
 * token: a stolen token must not be able to outlive its expiry by minting a successor.
 */
@RestController
@RequestMapping("/api/me/tokens")
class ApiTokenController {

    record NewToken(String name, Integer expiresInDays) {}

    private final ApiTokens tokens;

    ApiTokenController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ApiTokens.Created create(Authentication user, @RequestBody NewToken body, HttpServletRequest request) {
        if (ApiTokenAuthentication.isToken(user)) {
            throw new ApiException(HttpStatus.FORBIDDEN, null, "a token cannot create tokens: sign in with your password");
        }
        return tokens.create(user.getName(), body.name(), body.expiresInDays(), request.getRemoteAddr());
    }

    @GetMapping
    List<ApiTokens.Listed> list(Authentication user) {
        return tokens.list(user.getName());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(Authentication user, @PathVariable UUID id, HttpServletRequest request) {
        tokens.revoke(user.getName(), id, request.getRemoteAddr());
    }
}
