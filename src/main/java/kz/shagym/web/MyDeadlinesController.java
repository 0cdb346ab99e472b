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

/**
 * What a lawyer must watch: every deadline of their open cases due within 30 days, and every overdue or missed one until
 * someone acts: those nobody acknowledged first, then the acknowledged ones, then the rest by last day.
 */
@Controller
class MyDeadlinesController {

    static final int HORIZON_DAYS = 30;

    private final BoardQueries queries;
    private final ShagymClock clock;
    private final kz.shagym.notify.CalendarLinks calendar;
    private final kz.shagym.notify.DeadlineAcknowledgements acknowledgements;

    MyDeadlinesController(BoardQueries queries, ShagymClock clock, kz.shagym.notify.CalendarLinks calendar,
                          kz.shagym.notify.DeadlineAcknowledgements acknowledgements) {
        this.queries = queries;
        this.clock = clock;
        this.calendar = calendar;
        this.acknowledgements = acknowledgements;
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

    /**
     * "I saw it": records who acknowledged the overdue or missed deadline and when (whoever may read its case), then
     * back to the list at its row, or to the case page's deadlines when sent from there ({@code from=case}).
     */
    @org.springframework.web.bind.annotation.PostMapping("/my/deadlines/{deadlineId}/acknowledge")
    String acknowledge(@org.springframework.web.bind.annotation.PathVariable java.util.UUID deadlineId,
                       @org.springframework.web.bind.annotation.RequestParam(required = false) String from,
                       Authentication user, org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        java.util.UUID complaintId = acknowledgements.acknowledge(deadlineId, user);
        redirect.addFlashAttribute("acknowledged", deadlineId);
        return "case".equals(from) ? "redirect:/cases/" + complaintId + "#deadlines" : "redirect:/my/deadlines#d-" + deadlineId;
    }

    /**
     * One deadline as shown. {@code overdue}: its last day passed (or it was marked missed); {@code missed}: marked
     * missed, the filing still awaited; {@code acknowledgedAt}: when someone said they saw it (Almaty), else null.
     */
    record DueLine(BoardQueries.DueRow row, long daysLeft, boolean overdue, boolean missed, String lastDay, String dueAlmaty,
                   String acknowledgedBy, String acknowledgedAt) {}

    /** Lawyers see their own cases, staff those assigned to them; coordinators and admins the same list for every case. */
    @GetMapping("/my/deadlines")
    String deadlines(Authentication user, Model model) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), Formats.ALMATY);
        CaseScope scope = CaseScope.of(user);
        List<DueLine> lines = queries.due(scope, today, today.plusDays(HORIZON_DAYS)).stream()
                .map(r -> {
                    long days = today.until(r.lastDay(), ChronoUnit.DAYS);
                    return new DueLine(r, days, days < 0 || "MISSED".equals(r.status()), r.awaitingFiling(),
                            Formats.date(r.lastDay()), Formats.almaty(r.dueAt()),
                            r.acknowledgedByName() != null ? r.acknowledgedByName() : r.acknowledgedBy(),
                            r.acknowledgedAt() == null ? null : Formats.almaty(r.acknowledgedAt()));
                })
                .toList();
        model.addAttribute("lines", lines);
        model.addAttribute("horizon", HORIZON_DAYS);
        model.addAttribute("allCases", scope.all());
        return "deadlines";
    }
}
