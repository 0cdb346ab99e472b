package kz.shagym.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import kz.shagym.security.Role;
import kz.shagym.security.SecondFactor;
import kz.shagym.security.UserAccounts;
import kz.shagym.security.UserAdministration;
import kz.shagym.security.UserChangeRefused;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * /admin/users (administrators only, by the pages' URL rule): the list of accounts, a form to create one, and per
 * account its role, language, whether it may sign in, a password reset and a second-factor reset. A generated
 * password is shown once, through a flash attribute that lives for one redirect. A refused form is the page again,
 * 400, with what was typed (never a password) and the reason next to the field.
 */
@Controller
class UserAdminController {

    /** One row of the list, formatted for the page: nothing here is a code to be shown as it is. */
    record UserLine(String username, String fullName, Role role, String language, String email, boolean enabled,
                    boolean secondFactor, boolean mustChangePassword, String lastSignIn) {}

    private final UserAccounts accounts;
    private final UserAdministration administration;
    private final SecondFactor secondFactor;
    private final MessageSource messages;

    UserAdminController(UserAccounts accounts, UserAdministration administration, SecondFactor secondFactor,
                        MessageSource messages) {
        this.accounts = accounts;
        this.administration = administration;
        this.secondFactor = secondFactor;
        this.messages = messages;
    }

    @GetMapping("/admin/users")
    String list(Model model) {
        NewUserForm blank = new NewUserForm(); // what a new form proposes; a post without them is refused
        blank.setRole(Role.LAWYER.name());
        blank.setLanguage("ru");
        return listPage(model, blank, null);
    }

    @PostMapping("/admin/users")
    String create(Authentication admin, @ModelAttribute("newUser") NewUserForm form, BindingResult binding, Locale locale,
                  HttpServletResponse response, Model model, RedirectAttributes redirect) {
        UserFormErrors errors = new UserFormErrors(messages, locale).labelled("password", "initialPassword").unprintable(binding);
        Role role;
        if (!errors.any()) {
            try {
                role = role(form.getRole());
                UserAdministration.Created created = administration.create(admin.getName(), new UserAdministration.NewAccount(
                        form.getUsername(), form.getFullName(), form.getEmail(), role, form.getLanguage(), form.getPassword()), true);
                redirect.addFlashAttribute("created", true);
                if (created.generatedPassword() != null) {
                    redirect.addFlashAttribute("oneTimePassword", created.generatedPassword());
                }
                return "redirect:/admin/users/" + created.account().username();
            } catch (UserChangeRefused refused) {
                errors.refused(refused, refused.field());
            }
        }
        form.setPassword(null); // typed values come back, a password never does
        return Forms.refused(response, listPage(model, form, errors));
    }

    @GetMapping("/admin/users/{username}")
    String user(@PathVariable String username, Model model) {
        return userPage(model, existing(username), null, null);
    }

    @PostMapping("/admin/users/{username}/role")
    String changeRole(Authentication admin, @PathVariable String username, ChangeForm form, BindingResult binding, Locale locale,
                      HttpServletResponse response, Model model, RedirectAttributes redirect) {
        UserAccounts.Account account = existing(username);
        return change(account, "role", binding, locale, response, model, redirect, "users.done.role",
                () -> administration.changeRole(admin.getName(), username, role(form.getRole())));
    }

    @PostMapping("/admin/users/{username}/language")
    String changeLanguage(Authentication admin, @PathVariable String username, ChangeForm form, BindingResult binding, Locale locale,
                          HttpServletResponse response, Model model, RedirectAttributes redirect) {
        UserAccounts.Account account = existing(username);
        return change(account, "language", binding, locale, response, model, redirect, "users.done.language",
                () -> administration.changeLanguage(admin.getName(), username, form.getLanguage()));
    }

    @PostMapping("/admin/users/{username}/enabled")
    String setEnabled(Authentication admin, @PathVariable String username, ChangeForm form, BindingResult binding, Locale locale,
                      HttpServletResponse response, Model model, RedirectAttributes redirect) {
        UserAccounts.Account account = existing(username);
        boolean enable = "true".equals(form.getEnabled());
        return change(account, "enabled", binding, locale, response, model, redirect, enable ? "users.done.enabled" : "users.done.disabled",
                () -> {
                    if (!enable && !"false".equals(form.getEnabled())) {
                        throw new UserChangeRefused("enabled", UserChangeRefused.Reason.REQUIRED);
                    }
                    administration.setEnabled(admin.getName(), username, enable);
                });
    }

    @PostMapping("/admin/users/{username}/password-reset")
    String resetPassword(Authentication admin, @PathVariable String username, PasswordForm form, BindingResult binding,
                         Locale locale, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        UserAccounts.Account account = existing(username);
        return change(account, "password", binding, locale, response, model, redirect, "users.done.passwordReset", () -> {
            String generated = administration.resetPassword(admin.getName(), username, form.getPassword());
            if (generated != null) {
                redirect.addFlashAttribute("oneTimePassword", generated);
            }
        });
    }

    @PostMapping("/admin/users/{username}/totp-reset")
    String resetSecondFactor(Authentication admin, @PathVariable String username, RedirectAttributes redirect) {
        existing(username);
        boolean had = administration.resetSecondFactor(admin.getName(), username);
        redirect.addFlashAttribute("done", had ? "users.done.totpReset" : "users.done.totpNone");
        return "redirect:/admin/users/" + username;
    }

    private String change(UserAccounts.Account account, String field, BindingResult binding, Locale locale,
                          HttpServletResponse response, Model model, RedirectAttributes redirect, String done, Runnable action) {
        UserFormErrors errors = new UserFormErrors(messages, locale).labelled("password", "temporaryPassword").unprintable(binding);
        if (!errors.any()) {
            try {
                action.run();
                redirect.addFlashAttribute("done", done);
                return "redirect:/admin/users/" + account.username();
            } catch (UserChangeRefused refused) {
                errors.refused(refused, field);
            }
        }
        return Forms.refused(response, userPage(model, account, errors, field));
    }

    private String listPage(Model model, NewUserForm form, UserFormErrors errors) {
        List<UserLine> lines = accounts.all().stream().map(a -> new UserLine(a.username(), a.fullName(), a.role(), a.language(),
                a.email(), a.enabled(), secondFactor.isActive(a.username()), a.mustChangePassword(), time(a.lastSignInAt()))).toList();
        model.addAttribute("users", lines);
        model.addAttribute("newUser", form);
        model.addAttribute("errors", errors == null ? java.util.Map.of() : errors.map());
        model.addAttribute("roles", Role.values());
        model.addAttribute("languages", UserAdministration.LANGUAGES);
        model.addAttribute("minPassword", UserAdministration.MIN_PASSWORD);
        return "admin-users";
    }

    private String userPage(Model model, UserAccounts.Account account, UserFormErrors errors, String failedField) {
        model.addAttribute("account", account);
        model.addAttribute("secondFactor", secondFactor.isActive(account.username()));
        model.addAttribute("lastSignIn", time(account.lastSignInAt()));
        model.addAttribute("errors", errors == null ? java.util.Map.of() : errors.map());
        model.addAttribute("failedField", failedField);
        model.addAttribute("roles", Role.values());
        model.addAttribute("languages", UserAdministration.LANGUAGES);
        model.addAttribute("minPassword", UserAdministration.MIN_PASSWORD);
        return "admin-user";
    }

    private UserAccounts.Account existing(String username) {
        return accounts.find(username).orElseThrow(() -> ApiException.notFound("user"));
    }

    /** A role as posted: anything but one of the four is refused next to the field. */
    private static Role role(String value) {
        if (value == null || value.isBlank()) {
            throw new UserChangeRefused("role", UserChangeRefused.Reason.REQUIRED);
        }
        try {
            return Role.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new UserChangeRefused("role", UserChangeRefused.Reason.ROLE);
        }
    }

    private static String time(Instant instant) {
        return instant == null ? null : Formats.almaty(instant);
    }

    /** The create form as posted: text, so that a wrong role is refused next to its field. */
    public static class NewUserForm {
        private String username;
        private String fullName;
        private String email;
        private String role;
        private String language;
        private String password;

        public String getUsername() { return username; }
        public void setUsername(String username) { this.username = username; }
        public String getFullName() { return fullName; }
        public void setFullName(String fullName) { this.fullName = fullName; }
        public String getEmail() { return email; }
        public void setEmail(String email) { this.email = email; }
        public String getRole() { return role; }
        public void setRole(String role) { this.role = role; }
        public String getLanguage() { return language; }
        public void setLanguage(String language) { this.language = language; }
        public String getPassword() { return password; }
        public void setPassword(String password) { this.password = password; }
    }

    /** One change of an account: its role, its language, or whether it may sign in ("true"/"false"). */
    public static class ChangeForm {
        private String role;
        private String language;
        private String enabled;

        public String getRole() { return role; }
        public void setRole(String role) { this.role = role; }
        public String getLanguage() { return language; }
        public void setLanguage(String language) { this.language = language; }
        public String getEnabled() { return enabled; }
        public void setEnabled(String enabled) { this.enabled = enabled; }
    }

    /** A temporary password, or blank to generate one. */
    public static class PasswordForm {
        private String password;

        public String getPassword() { return password; }
        public void setPassword(String password) { this.password = password; }
    }
}
