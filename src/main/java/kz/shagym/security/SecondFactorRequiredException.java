package kz.shagym.security;

import org.springframework.security.core.AuthenticationException;

/** HTTP Basic with the right password, for an account with a second factor: Basic cannot carry a code. */
final class SecondFactorRequiredException extends AuthenticationException {

    static final String DETAIL = "this account has a second factor (TOTP), so HTTP Basic is refused: use a personal API "
            + "token instead (create one at /my/account, then send Authorization: Bearer shg_…)";

    SecondFactorRequiredException() {
        super(DETAIL);
    }
}
