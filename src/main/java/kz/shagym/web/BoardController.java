package kz.shagym.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import kz.shagym.clock.ShagymClock;
import kz.shagym.complaint.ComplaintLedger;
import kz.shagym.complaint.Rung;
import kz.shagym.report.BoardQueries;
import kz.shagym.report.BoardQueries.CaseRow;
import kz.shagym.report.BoardQueries.Flag;
import kz.shagym.report.BoardQueries.Sort;
import kz.shagym.report.ReportController;
import kz.shagym.report.StageReport;
import kz.shagym.security.CaseAccess;
import kz.shagym.security.CaseScope;
import kz.shagym.security.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The ladder board: every open case, most urgent first. Coordinators and admins see all cases; a lawyer sees the same
 * board restricted to their own cases, a staff member to the cases assigned to them (need-to-know, {@link CaseScope}).
 * A missed term whose filing is still awaited keeps its case at the top, flagged, until someone acts. The same filters
 * select what the XLSX export from the board covers.
 */
@Controller
class BoardController {

    /** A page of rows: a browser (and a coordinator) cannot take in 10,000 rows at once; counts cover every case. */
    static final int PAGE_SIZE = 200;
    /** The longest victim's name searched for (the API's limit). */
    static final int NAME_MAX = 500;
    /** The longest case number text searched for: no case number is longer (varchar 40). */
    static final int NUMBER_MAX = 40;
    /** How many cases a search by name lists at most: it is an exact match, so a few at most in practice. */
    static final int NAME_HITS = 200;

    private final BoardQueries queries;
    private final ShagymClock clock;
    private final kz.shagym.complaint.RegionCatalog regions;
    private final ComplaintLedger ledger;
    private final StageReport report;

    BoardController(BoardQueries queries, ShagymClock clock, kz.shagym.complaint.RegionCatalog regions, ComplaintLedger ledger,
                    StageReport report) {
        this.regions = regions;
        this.queries = queries;
        this.clock = clock;
        this.ledger = ledger;
        this.report = report;
    }

    /** One row as shown: the facts plus what the coordinator must notice. */
    record BoardLine(CaseRow row, Long daysLeft, boolean overdue, boolean missed, boolean noClock, boolean approvedNotFiled) {}

    @ModelAttribute("sorts")
    List<Sort> sorts() {
        return Arrays.asList(Sort.values());
    }

    @ModelAttribute("flags")
    List<Flag> flags() {
        return Arrays.asList(Flag.values());
    }

    @GetMapping("/board")
    String board(@RequestParam(required = false) String region, @RequestParam(required = false) String lawyer,
                 @RequestParam(required = false) Rung rung, @RequestParam(defaultValue = "1") int page,
                 @RequestParam(required = false) Set<Flag> flag, @RequestParam(required = false) String q,
                 @RequestParam(required = false) String victimName, @RequestParam(required = false) Sort sort,
                 Authentication user, Model model, HttpServletResponse response) {
        CaseScope scope = CaseScope.of(user);
        // a link written with a region's name (?region=Алматы, from before the list) filters by its code
        region = blankToNull(region) == null ? null : regions.resolve(region).map(r -> r.code()).orElse(region);
        String onlyLawyer = scope.lawyer() != null ? scope.lawyer() : blankToNull(lawyer);
        String number = blankToNull(q);
        String name = blankToNull(victimName);
        boolean refused = false;
        if (number != null && number.length() > NUMBER_MAX) {
            model.addAttribute("qError", "board.search.numberTooLong");
            refused = true;
        }
        if (name != null && name.length() > NAME_MAX) {
            model.addAttribute("victimNameError", "board.search.nameTooLong");
            refused = true;
        }
        List<UUID> found = refused || name == null ? null : casesNamed(name, user, scope);
        BoardQueries.Filter filter = refused ? nothing(scope) : filter(region, onlyLawyer, rung, flag, number, found, sort, scope);
        BoardQueries.Summary summary = queries.summary(filter);
        int pages = Math.max(1, (summary.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(page, 1), pages);
        LocalDate today = today();
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
        model.addAttribute("chosenFlags", flag == null ? Set.of() : flag);
        model.addAttribute("q", q == null ? null : q.strip());
        model.addAttribute("victimName", victimName == null ? null : victimName.strip());
        model.addAttribute("sort", sort == null ? Sort.DAYS_ASC : sort);
        model.addAttribute("mayFindByName", mayFindByName(user));
        model.addAttribute("searchedByName", name != null && !refused);
        // the links that keep the board's filters: the export and the neighbouring pages (a name only from a search
        // that was allowed and done)
        String kept = query(blankToNull(region), scope.all() ? onlyLawyer : null, rung, flag, number,
                name != null && !refused ? name : null);
        Sort shownSort = sort == null ? Sort.DAYS_ASC : sort;
        model.addAttribute("exportUrl", "/board/stages.xlsx" + (kept.isEmpty() ? "" : "?" + kept));
        model.addAttribute("prevUrl", "/board?page=" + (current - 1) + (kept.isEmpty() ? "" : "&" + kept) + "&sort=" + shownSort);
        model.addAttribute("nextUrl", "/board?page=" + (current + 1) + (kept.isEmpty() ? "" : "&" + kept) + "&sort=" + shownSort);
        if (refused) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        return "board";
    }

    /**
     * The statistics workbook of what the board shows, in the page's language: every case of the user's scope with no
     * filter, the open cases the filters select otherwise. Audited as an export, like the API's.
     */
    @GetMapping("/board/stages.xlsx")
    void export(@RequestParam(required = false) String region, @RequestParam(required = false) String lawyer,
                @RequestParam(required = false) Rung rung, @RequestParam(required = false) Set<Flag> flag,
                @RequestParam(required = false) String q, @RequestParam(required = false) String victimName,
                Authentication user, Locale locale, HttpServletResponse response) throws IOException {
        CaseScope scope = CaseScope.of(user);
        String onlyLawyer = scope.lawyer() != null ? scope.lawyer() : blankToNull(lawyer);
        String number = blankToNull(q);
        String name = blankToNull(victimName);
        if ((number != null && number.length() > NUMBER_MAX) || (name != null && name.length() > NAME_MAX)) {
            throw ApiException.badRequest(number != null && number.length() > NUMBER_MAX ? "q" : "victimName", "too long");
        }
        List<UUID> found = name == null ? null : casesNamed(name, user, scope);
        BoardQueries.Filter filter = filter(region, onlyLawyer, rung, flag, number, found, null, scope);
        boolean filtered = blankToNull(region) != null || (scope.all() && onlyLawyer != null) || rung != null
                || (flag != null && !flag.isEmpty()) || number != null || found != null;
        ReportController.startDownload(response);
        report.write(response.getOutputStream(), queries.selection(filter, scope, filtered),
                Locale.forLanguageTag(Languages.of(locale)));
    }

    private BoardQueries.Filter filter(String region, String lawyer, Rung rung, Set<Flag> flag, String number,
                                       List<UUID> found, Sort sort, CaseScope scope) {
        return new BoardQueries.Filter(blankToNull(region), lawyer, rung, scope.staff(),
                flag == null ? Set.of() : flag,
                number, found, sort, today());
    }

    /** A refused search lists nothing rather than everything. */
    private BoardQueries.Filter nothing(CaseScope scope) {
        return new BoardQueries.Filter(null, scope.lawyer(), null, scope.staff(), Set.of(), null, List.of(), null, today());
    }

    /**
     * The cases whose victim has exactly this (normalized) name, through the blind index, within the user's scope: a
     * lawyer's own, every case for an administrator. Coordinators and staff are not offered the field; a request that
     * carries it anyway is refused and recorded, since a hit alone would tell that this person complained.
     */
    private List<UUID> casesNamed(String name, Authentication user, CaseScope scope) {
        if (!mayFindByName(user)) {
            throw new AccessDeniedException("only lawyers (their own cases) and administrators search by the victim's name");
        }
        return ledger.idsByVictimName(name, scope, NAME_HITS);
    }

    private static boolean mayFindByName(Authentication user) {
        return CaseAccess.has(user, Role.ADMIN) || CaseAccess.has(user, Role.LAWYER);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Formats.ALMATY));
    }

    /** Days left count to the earliest running clock's last day, or to a missed term's (negative until it is filed). */
    private static BoardLine line(CaseRow row, LocalDate today) {
        Long daysLeft = row.nextLastDay() == null ? null : today.until(row.nextLastDay(), java.time.temporal.ChronoUnit.DAYS);
        boolean missed = row.applicantMissed();
        return new BoardLine(row, daysLeft, daysLeft != null && daysLeft < 0 && !missed, missed, daysLeft == null,
                row.approvedLetters() > 0);
    }

    /** The filters as a query string (UTF-8, percent-encoded), only those that are set. */
    private static String query(String region, String lawyer, Rung rung, Set<Flag> flags, String number, String name) {
        List<String> parts = new java.util.ArrayList<>();
        if (region != null) {
            parts.add("region=" + encode(region));
        }
        if (lawyer != null) {
            parts.add("lawyer=" + encode(lawyer));
        }
        if (rung != null) {
            parts.add("rung=" + rung.name());
        }
        if (flags != null) {
            flags.stream().sorted().forEach(f -> parts.add("flag=" + f.name()));
        }
        if (number != null) {
            parts.add("q=" + encode(number));
        }
        if (name != null) {
            parts.add("victimName=" + encode(name));
        }
        return String.join("&", parts);
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
