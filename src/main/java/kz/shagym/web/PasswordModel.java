package kz.shagym.web;

import java.util.Map;
import kz.shagym.security.UserAdministration;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the password fields of the account page and of the new-password step show: the rule, and no errors yet. */
@ControllerAdvice(assignableTypes = {AccountController.class, PasswordController.class})
class PasswordModel {

    @ModelAttribute("minPassword")
    int minPassword() {
        return UserAdministration.MIN_PASSWORD;
    }

    @ModelAttribute("passwordErrors")
    Map<String, String> noErrors() {
        return Map.of();
    }
}
