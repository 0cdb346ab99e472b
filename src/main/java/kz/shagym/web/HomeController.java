package kz.shagym.web;

import kz.shagym.security.CaseAccess;
import kz.shagym.security.Role;
import kz.shagym.security.SecondFactorLogin;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page, and where each role lands after it. */
@Controller
class HomeController {

    private final SecondFactorLogin secondFactor;

    HomeController(SecondFactorLogin secondFactor) {
        this.secondFactor = secondFactor;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    /** The second step for accounts with TOTP: only after the password, in the same session. */
    @GetMapping(SecondFactorLogin.CODE_PATH)
    String code(HttpServletRequest request) {
        return secondFactor.pendingUsername(request).isPresent() ? "login-totp" : "redirect:/login?expired";
    }

    /** Lawyers start from what they owe; everyone else from the board. */
    @GetMapping("/")
    String home(Authentication user) {
        boolean lawyer = CaseAccess.has(user, Role.LAWYER) && !CaseAccess.has(user, Role.ADMIN);
        return lawyer ? "redirect:/my/deadlines" : "redirect:/board";
    }
}
