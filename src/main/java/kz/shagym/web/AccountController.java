package kz.shagym.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kz.shagym.security.ApiTokens;
import kz.shagym.security.SecondFactor;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in user's own credentials: personal API tokens (the new secret is shown once, through a flash attribute
 * that lives for one redirect) and the TOTP second factor. For an account with TOTP this page is the only place to
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
        secondFactor.pending(user.getName()).ifPresent(enrollment -> model.addAttribute("enrollment", enrollment));
        return "account";
    }

    @PostMapping("/my/tokens")
    String createToken(Authentication user, @RequestParam(defaultValue = "") String name,
                       @RequestParam(required = false) Integer expiresInDays, HttpServletRequest request,
                       RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("newToken", tokens.create(user.getName(), name, expiresInDays, request.getRemoteAddr()));
        } catch (ApiException e) {
            redirect.addFlashAttribute("tokenError", "name".equals(e.field()) ? "account.tokens.nameInvalid"
                    : "expiresInDays".equals(e.field()) ? "account.tokens.daysInvalid" : "account.tokens.tooMany");
        }
        return "redirect:/my/account";
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
    String confirm(Authentication user, @RequestParam(defaultValue = "") String code, HttpServletRequest request,
                   RedirectAttributes redirect) {
        return withCode(redirect, "account.totp.activated",
                () -> secondFactor.confirm(user.getName(), code, request.getRemoteAddr()));
    }

    @PostMapping("/my/totp/disable")
    String disable(Authentication user, @RequestParam(defaultValue = "") String code, HttpServletRequest request,
                   RedirectAttributes redirect) {
        return withCode(redirect, "account.totp.disabled",
                () -> secondFactor.disable(user.getName(), code, request.getRemoteAddr()));
    }

    /** A wrong code (or one refused while throttled) comes back as a message next to the code field. */
    private static String withCode(RedirectAttributes redirect, String doneMessage, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("totpNotice", doneMessage);
        } catch (ApiException e) {
            redirect.addFlashAttribute("totpError", e.status().value() == 429 ? "account.totp.throttled"
                    : e.status().value() == 409 ? "account.totp.conflict" : "account.totp.codeWrong");
        }
        return "redirect:/my/account";
    }

    private static String time(Instant instant) {
        return instant == null ? null : Formats.almaty(instant);
    }
}
