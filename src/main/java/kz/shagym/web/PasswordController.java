package kz.shagym.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import kz.shagym.security.AccountStanding;
import kz.shagym.security.UserAdministration;
import kz.shagym.security.UserChangeRefused;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A user's own password: changed on /my/account with the current one (this session stays, the user's other sessions
 * end, tokens keep working), and chosen on {@link AccountStanding#NEW_PASSWORD_PATH} right after signing in with a
 * password an administrator set — every other page leads there until it is done.
 */
@Controller
class PasswordController {

    private final UserAdministration administration;
    private final AccountController account;
    private final MessageSource messages;

    PasswordController(UserAdministration administration, AccountController account, MessageSource messages) {
        this.administration = administration;
        this.account = account;
        this.messages = messages;
    }

    @PostMapping("/my/password")
    String change(Authentication user, PasswordChangeForm form, BindingResult binding, Locale locale, HttpServletRequest request,
                  HttpServletResponse response, Model model, RedirectAttributes redirect) {
        UserFormErrors errors = new UserFormErrors(messages, locale).unprintable(binding);
        if (!errors.any()) {
            try {
                AccountStanding.keep(request, administration.changeOwnPassword(user.getName(), form.getCurrentPassword(),
                        form.getNewPassword(), form.getNewPasswordAgain(), request.getRemoteAddr()));
                redirect.addFlashAttribute("passwordChanged", true);
                return "redirect:/my/account";
            } catch (UserChangeRefused refused) {
                errors.refused(refused, refused.field());
            }
        }
        model.addAttribute("passwordErrors", errors.map());
        return Forms.refused(response, account.account(user, model));
    }

    @GetMapping(AccountStanding.NEW_PASSWORD_PATH)
    String required(Authentication user, Model model) {
        if (!administration.mustChangePassword(user.getName())) {
            return "redirect:/";
        }
        model.addAttribute("errors", java.util.Map.of());
        return "password-new";
    }

    @PostMapping(AccountStanding.NEW_PASSWORD_PATH)
    String choose(Authentication user, PasswordChangeForm form, BindingResult binding, Locale locale, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        UserFormErrors errors = new UserFormErrors(messages, locale).unprintable(binding);
        if (!errors.any()) {
            try {
                // a malformed form is refused as such, whoever sends it; a well-formed one only counts in this step
                UserAdministration.checkNewPasswords(form.getNewPassword(), form.getNewPasswordAgain());
                if (!administration.mustChangePassword(user.getName())) {
                    return "redirect:/";
                }
                AccountStanding.keep(request, administration.chooseRequiredPassword(user.getName(), form.getNewPassword(),
                        form.getNewPasswordAgain(), request.getRemoteAddr()));
                return "redirect:/board";
            } catch (UserChangeRefused refused) {
                errors.refused(refused, refused.field());
            }
        }
        model.addAttribute("errors", errors.map());
        return Forms.refused(response, "password-new");
    }

    /** The password forms as posted; none of it is ever put back into a page. */
    public static class PasswordChangeForm {
        private String currentPassword;
        private String newPassword;
        private String newPasswordAgain;

        public String getCurrentPassword() { return currentPassword; }
        public void setCurrentPassword(String currentPassword) { this.currentPassword = currentPassword; }
        public String getNewPassword() { return newPassword; }
        public void setNewPassword(String newPassword) { this.newPassword = newPassword; }
        public String getNewPasswordAgain() { return newPasswordAgain; }
        public void setNewPasswordAgain(String newPasswordAgain) { this.newPasswordAgain = newPasswordAgain; }
    }
}
