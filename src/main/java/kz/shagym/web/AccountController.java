package kz.shagym.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import kz.shagym.security.ApiTokens;
import kz.shagym.security.SecondFactor;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in user's own credentials: personal API tokens (the new secret is shown once, through a flash attribute
 * that lives for one redirect) and the TOTP second factor with its recovery codes (shown once the same way: on turning
 * the factor on, and when a new set is issued). For an account with TOTP this page is the only place to
 * create a token, since HTTP Basic is refused for it and a token cannot create tokens.
 */
@Controller
class AccountController {

    record TokenLine(UUID id, String name, String created, String lastUsed, String expires, boolean expired) {}

    private final ApiTokens tokens;
    private final SecondFactor secondFactor;

    AccountController(ApiTokens tokens, SecondFactor secondFactor) {
        this.tokens = tokens;
        this.secondFactor = secondFactor;
    }

    @GetMapping("/my/account")
    String account(Authentication user, Model model) {
        List<TokenLine> lines = tokens.list(user.getName()).stream()
                .map(t -> new TokenLine(t.id(), t.name(), Formats.almaty(t.createdAt()), time(t.lastUsedAt()),
                        Formats.almaty(t.expiresAt()), t.expired()))
                .toList();
        model.addAttribute("tokens", lines);
        model.addAttribute("defaultDays", tokens.defaultDays());
        model.addAttribute("maxDays", tokens.maxDays());
        SecondFactor.Status status = secondFactor.status(user.getName());
        model.addAttribute("totpStatus", status.name());
        if (status == SecondFactor.Status.ACTIVE) {
            model.addAttribute("recoveryCodesLeft", secondFactor.recoveryCodesLeft(user.getName()));
        }
        secondFactor.pending(user.getName()).ifPresent(enrollment -> {
            model.addAttribute("enrollment", enrollment);
            // the same link as the text field, for the phone's camera: most lawyers add the key that way
            model.addAttribute("enrollmentQr", QrCodeSvg.of(enrollment.otpauthUri()));
        });
        return "account";
    }

    /**
     * A new token, shown once on the page after the redirect. A refused one (no name, days out of range, too many
     * tokens, or text that no document can hold) is the page again with the reason next to the field: 400 (409 for too
     * many), like the API's answer, never a redirect that looks like success.
     */
    @PostMapping("/my/tokens")
    String createToken(Authentication user, TokenForm form, BindingResult binding, HttpServletRequest request,
                       HttpServletResponse response, Model model, RedirectAttributes redirect) {
        try {
            if (binding.hasFieldErrors("name")) {
                throw ApiException.badRequest("name", "contains a character that no document can hold");
            }
            redirect.addFlashAttribute("newToken", tokens.create(user.getName(), form.getName(), days(form.getExpiresInDays()),
                    request.getRemoteAddr()));
            return "redirect:/my/account";
        } catch (ApiException e) {
            model.addAttribute("tokenError", "name".equals(e.field()) ? "account.tokens.nameInvalid"
                    : "expiresInDays".equals(e.field()) ? "account.tokens.daysInvalid" : "account.tokens.tooMany");
            model.addAttribute("tokenErrorField", e.field());
            response.setStatus(e.status().value());
            return account(user, model);
        }
    }

    @PostMapping("/my/tokens/{id}/revoke")
    String revokeToken(Authentication user, @PathVariable UUID id, HttpServletRequest request, RedirectAttributes redirect) {
        tokens.revoke(user.getName(), id, request.getRemoteAddr());
        redirect.addFlashAttribute("tokenRevoked", true);
        return "redirect:/my/account";
    }

    @PostMapping("/my/totp/enroll")
    String enroll(Authentication user) {
        secondFactor.enroll(user.getName());
        return "redirect:/my/account";
    }

    @PostMapping("/my/totp/confirm")
    String confirm(Authentication user, CodeForm form, BindingResult binding, HttpServletRequest request,
                   HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return withCode(user, binding, response, model, redirect, "account.totp.activated",
                () -> secondFactor.confirm(user.getName(), form.getCode(), request.getRemoteAddr()));
    }

    /** A new set of recovery codes for a current code (of the app, or a recovery code); the old set is void. */
    @PostMapping("/my/totp/recovery-codes")
    String newRecoveryCodes(Authentication user, CodeForm form, BindingResult binding, HttpServletRequest request,
                            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return withCode(user, binding, response, model, redirect, "account.recovery.issued",
                () -> secondFactor.regenerateRecoveryCodes(user.getName(), form.getCode(), request.getRemoteAddr()));
    }

    @PostMapping("/my/totp/disable")
    String disable(Authentication user, CodeForm form, BindingResult binding, HttpServletRequest request,
                   HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return withCode(user, binding, response, model, redirect, "account.totp.disabled", () -> {
            secondFactor.disable(user.getName(), form.getCode(), request.getRemoteAddr());
            return null;
        });
    }

    /**
     * Done: a notice after the redirect, and the new recovery codes if the action made some (shown on that one page
     * only: a flash attribute). A wrong or malformed code (or one refused while throttled, or with nothing to
     * confirm or disable) is the page again with the reason next to the code field, under the refusal's status.
     */
    private String withCode(Authentication user, BindingResult binding, HttpServletResponse response, Model model,
                            RedirectAttributes redirect, String doneMessage, Supplier<List<String>> action) {
        try {
            if (binding.hasFieldErrors("code")) {
                throw ApiException.badRequest("code", "contains a character that no code has");
            }
            List<String> recoveryCodes = action.get();
            redirect.addFlashAttribute("totpNotice", doneMessage);
            if (recoveryCodes != null) {
                redirect.addFlashAttribute("newRecoveryCodes", recoveryCodes);
            }
            return "redirect:/my/account";
        } catch (ApiException e) {
            model.addAttribute("totpError", e.status().value() == 429 ? "account.totp.throttled"
                    : e.status().value() == 409 ? "account.totp.conflict" : "account.totp.codeWrong");
            response.setStatus(e.status().value());
            return account(user, model);
        }
    }

    /** The form's "valid for (days)": blank for the default; anything but a whole number is refused next to it. */
    private static Integer days(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("expiresInDays", "must be a whole number of days");
        }
    }

    /** The token form's fields as posted: text, so that a malformed number is refused next to its field. */
    public static class TokenForm {
        private String name = "";
        private String expiresInDays;

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getExpiresInDays() { return expiresInDays; }
        public void setExpiresInDays(String expiresInDays) { this.expiresInDays = expiresInDays; }
    }

    /** A TOTP code (or a recovery code) as posted. */
    public static class CodeForm {
        private String code = "";

        public String getCode() { return code; }
        public void setCode(String code) { this.code = code; }
    }

    private static String time(Instant instant) {
        return instant == null ? null : Formats.almaty(instant);
    }
}
