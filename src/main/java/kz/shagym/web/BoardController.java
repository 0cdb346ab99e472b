package kz.shagym.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import kz.shagym.clock.ShagymClock;
import kz.shagym.complaint.Rung;
import kz.shagym.report.BoardQueries;
import kz.shagym.report.BoardQueries.CaseRow;
import kz.shagym.security.CaseAccess;
import kz.shagym.security.Role;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The ladder board: every open case, most urgent first. Coordinators, staff and admins see all cases; a lawyer sees the
 * same board restricted to their own cases (need-to-know, as in {@link CaseAccess}).
 */
@Controller
class BoardController {

    /** A page of rows: a browser (and a coordinator) cannot take in 10,000 rows at once; counts cover every case. */
    static final int PAGE_SIZE = 200;

    private final BoardQueries queries;
    private final ShagymClock clock;

    BoardController(BoardQueries queries, ShagymClock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    /** One row as shown: the facts plus what the coordinator must notice. */
    record BoardLine(CaseRow row, Long daysLeft, boolean overdue, boolean noClock, boolean approvedNotFiled) {}

    @GetMapping("/board")
    String board(@RequestParam(required = false) String region, @RequestParam(required = false) String lawyer,
                 @RequestParam(required = false) Rung rung, @RequestParam(defaultValue = "1") int page,
                 Authentication user, Model model) {
        String onlyLawyer = seesAllCases(user) ? blankToNull(lawyer) : user.getName();
        List<CaseRow> cases = queries.openCases(new BoardQueries.Filter(blankToNull(region), onlyLawyer, rung));
        LocalDate today = LocalDate.now(clock.withZone(Formats.ALMATY));
        List<BoardLine> lines = cases.stream()
                .filter(c -> rung == null || c.onRung(rung))
                .map(c -> line(c, today))
                .sorted(MOST_URGENT_FIRST)
                .toList();
        int pages = Math.max(1, (lines.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(page, 1), pages);
        model.addAttribute("lines", lines.subList((current - 1) * PAGE_SIZE, Math.min(lines.size(), current * PAGE_SIZE)));
        model.addAttribute("total", lines.size());
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("rungCounts", rungCounts(cases));
        model.addAttribute("regions", new TreeSet<>(cases.stream().map(CaseRow::region).toList()));
        model.addAttribute("lawyers", new TreeSet<>(cases.stream().map(CaseRow::lawyer).toList()));
        model.addAttribute("rungs", Arrays.asList(Rung.values()));
        model.addAttribute("region", blankToNull(region));
        model.addAttribute("lawyer", onlyLawyer);
        model.addAttribute("rung", rung);
        model.addAttribute("allCases", seesAllCases(user));
        return "board";
    }

    private static final Comparator<BoardLine> MOST_URGENT_FIRST = Comparator
            .comparing((BoardLine l) -> l.daysLeft() == null ? Long.MAX_VALUE : l.daysLeft())
            .thenComparing(l -> l.row().caseNumber());

    private static BoardLine line(CaseRow row, LocalDate today) {
        Long daysLeft = row.nextLastDay() == null ? null : today.until(row.nextLastDay(), java.time.temporal.ChronoUnit.DAYS);
        return new BoardLine(row, daysLeft, daysLeft != null && daysLeft < 0, daysLeft == null, row.approvedLetters() > 0);
    }

    /** How many open cases stand on each rung (a case on two challenge routes counts on both). */
    private static Map<Rung, Integer> rungCounts(List<CaseRow> cases) {
        Map<Rung, Integer> counts = new EnumMap<>(Rung.class);
        for (Rung r : Rung.values()) {
            counts.put(r, 0);
        }
        cases.forEach(c -> c.rungs().stream().map(BoardQueries.OpenRung::rung).distinct()
                .forEach(r -> counts.merge(r, 1, Integer::sum)));
        return counts;
    }

    static boolean seesAllCases(Authentication user) {
        return !CaseAccess.has(user, Role.LAWYER) || CaseAccess.has(user, Role.ADMIN);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
