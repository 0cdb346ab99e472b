package kz.shagym.web;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import kz.shagym.clock.ShagymClock;
import kz.shagym.report.BoardQueries;
import kz.shagym.security.CaseScope;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** What a lawyer must watch: every deadline of their open cases due within 30 days, overdue first. */
@Controller
class MyDeadlinesController {

    static final int HORIZON_DAYS = 30;

    private final BoardQueries queries;
    private final ShagymClock clock;
    private final kz.shagym.notify.CalendarLinks calendar;

    MyDeadlinesController(BoardQueries queries, ShagymClock clock, kz.shagym.notify.CalendarLinks calendar) {
        this.queries = queries;
        this.clock = clock;
        this.calendar = calendar;
    }

    /** A new secret calendar URL, shown once on the page: the previous one stops working. */
    @org.springframework.web.bind.annotation.PostMapping("/my/calendar")
    String calendarLink(Authentication user, org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        redirect.addFlashAttribute("calendarUrl", calendar.newFeedUrl(user.getName()));
        return "redirect:/my/deadlines";
    }

    @org.springframework.web.bind.annotation.PostMapping("/my/calendar/revoke")
    String revokeCalendar(Authentication user, org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        calendar.revoke(user.getName());
        redirect.addFlashAttribute("calendarRevoked", true);
        return "redirect:/my/deadlines";
    }

    record DueLine(BoardQueries.DueRow row, long daysLeft, boolean overdue, String lastDay, String dueAlmaty) {}

    /** Lawyers see their own cases, staff those assigned to them; coordinators and admins the same list for every case. */
    @GetMapping("/my/deadlines")
    String deadlines(Authentication user, Model model) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), Formats.ALMATY);
        CaseScope scope = CaseScope.of(user);
        List<DueLine> lines = queries.due(scope, today.minusDays(HORIZON_DAYS), today.plusDays(HORIZON_DAYS)).stream()
                .map(r -> {
                    long days = today.until(r.lastDay(), ChronoUnit.DAYS);
                    return new DueLine(r, days, days < 0 || "MISSED".equals(r.status()), Formats.date(r.lastDay()),
                            Formats.almaty(r.dueAt()));
                })
                .toList();
        model.addAttribute("lines", lines);
        model.addAttribute("horizon", HORIZON_DAYS);
        model.addAttribute("allCases", scope.all());
        return "deadlines";
    }
}
