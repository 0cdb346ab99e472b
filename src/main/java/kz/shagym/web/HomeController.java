package kz.shagym.web;

import kz.shagym.security.CaseAccess;
import kz.shagym.security.Role;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page, and where each role lands after it. */
@Controller
class HomeController {

    @GetMapping("/login")
    String login() {
        return "login";
    }

    /** Lawyers start from what they owe; everyone else from the board. */
    @GetMapping("/")
    String home(Authentication user) {
        boolean lawyer = CaseAccess.has(user, Role.LAWYER) && !CaseAccess.has(user, Role.ADMIN);
        return lawyer ? "redirect:/my/deadlines" : "redirect:/board";
    }
}
