package kz.shagym.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import kz.shagym.clock.ShagymClock;
import kz.shagym.complaint.Rung;
import kz.shagym.report.BoardQueries;
import kz.shagym.report.BoardQueries.CaseRow;
import kz.shagym.security.CaseScope;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The ladder board: every open case, most urgent first. Coordinators and admins see all cases; a lawyer sees the same
 * board restricted to their own cases, a staff member to the cases assigned to them (need-to-know, {@link CaseScope}).
 */
@Controller
class BoardController {

    /** A page of rows: a browser (and a coordinator) cannot take in 10,000 rows at once; counts cover every case. */
    static final int PAGE_SIZE = 200;

    private final BoardQueries queries;
    private final ShagymClock clock;
    private final kz.shagym.complaint.RegionCatalog regions;

    BoardController(BoardQueries queries, ShagymClock clock, kz.shagym.complaint.RegionCatalog regions) {
        this.regions = regions;
        this.queries = queries;
        this.clock = clock;
    }

    /** One row as shown: the facts plus what the coordinator must notice. */
    record BoardLine(CaseRow row, Long daysLeft, boolean overdue, boolean noClock, boolean approvedNotFiled) {}

    @GetMapping("/board")
    String board(@RequestParam(required = false) String region, @RequestParam(required = false) String lawyer,
                 @RequestParam(required = false) Rung rung, @RequestParam(defaultValue = "1") int page,
                 Authentication user, Model model) {
        CaseScope scope = CaseScope.of(user);
        // a link written with a region's name (?region=Алматы, from before the list) filters by its code
        region = blankToNull(region) == null ? null : regions.resolve(region).map(r -> r.code()).orElse(region);
        String onlyLawyer = scope.lawyer() != null ? scope.lawyer() : blankToNull(lawyer);
        BoardQueries.Filter filter = new BoardQueries.Filter(blankToNull(region), onlyLawyer, rung, scope.staff());
        BoardQueries.Summary summary = queries.summary(filter);
        int pages = Math.max(1, (summary.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(page, 1), pages);
        LocalDate today = LocalDate.now(clock.withZone(Formats.ALMATY));
        List<BoardLine> lines = queries.page(filter, (current - 1) * PAGE_SIZE, PAGE_SIZE).stream()
                .map(c -> line(c, today))
                .toList();
        model.addAttribute("lines", lines);
        model.addAttribute("total", summary.total());
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("rungCounts", summary.rungCounts());
        model.addAttribute("regions", summary.regions());
        model.addAttribute("lawyers", summary.lawyers());
        model.addAttribute("rungs", Arrays.asList(Rung.values()));
        model.addAttribute("region", blankToNull(region));
        model.addAttribute("lawyer", onlyLawyer);
        model.addAttribute("rung", rung);
        model.addAttribute("allCases", scope.all());
        return "board";
    }

    /** Most urgent first is the page query's order (earliest last day, no clock last, then case number). */
    private static BoardLine line(CaseRow row, LocalDate today) {
        Long daysLeft = row.nextLastDay() == null ? null : today.until(row.nextLastDay(), java.time.temporal.ChronoUnit.DAYS);
        return new BoardLine(row, daysLeft, daysLeft != null && daysLeft < 0, daysLeft == null, row.approvedLetters() > 0);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
