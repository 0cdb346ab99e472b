package kz.shagym.report;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import kz.shagym.complaint.BoardRows;
import kz.shagym.complaint.Rung;
import kz.shagym.complaint.Step;
import kz.shagym.security.CaseScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The coordinators' ladder board and the lawyers' deadline list. The board reads the rows the ledger maintains for it
 * (board_case, board_case_rung, board_count; see {@link BoardRows}): one page of the most urgent cases from an index,
 * the counts from a few hundred counters, then the open rungs and letters of that page's cases only. Nothing is
 * aggregated over all open cases per request, so 100,000 open cases cost about what 1,000 do.
 */
@Repository
public class BoardQueries {

    /** What a coordinator can narrow the board to, beyond region, lawyer and rung. */
    public enum Flag {
        /** the earliest clock's last day has passed (missed terms included) */
        OVERDUE,
        /** an applicant's term marked MISSED whose filing is still awaited */
        MISSED,
        /** an authority or the State let its term pass */
        SILENT,
        /** a letter approved for filing and not yet filed */
        LETTER_NOT_FILED
    }

    /** The board's orders; most urgent first unless asked otherwise. */
    public enum Sort { DAYS_ASC, DAYS_DESC, CASE_NUMBER }

    /**
     * What the board filters by; null means "any". A lawyer's board is always restricted to their own cases, a staff
     * member's ({@code staff}) to the cases they are assigned to. {@code caseNumber} is a whole or partial case number;
     * {@code onlyCases}, when not null, the cases a search by the victim's name found (empty: none). {@code today}
     * (Almaty) is what "overdue" is measured against.
     */
    public record Filter(String region, String lawyer, Rung rung, String staff, Set<Flag> flags, String caseNumber,
                         List<UUID> onlyCases, Sort sort, LocalDate today) {
        public Filter {
            flags = flags == null || flags.isEmpty() ? Set.of() : Set.copyOf(flags);
            sort = sort == null ? Sort.DAYS_ASC : sort;
            onlyCases = onlyCases == null ? null : List.copyOf(onlyCases);
        }

        public Filter(String region, String lawyer, Rung rung, String staff) {
            this(region, lawyer, rung, staff, Set.of(), null, null, Sort.DAYS_ASC, null);
        }

        public Filter(String region, String lawyer, Rung rung) {
            this(region, lawyer, rung, null);
        }

        /** Whether the counters (kept per region, lawyer and rung) can no longer tell how many cases the board lists. */
        boolean narrowed() {
            return !flags.isEmpty() || caseNumber != null || onlyCases != null;
        }
    }

    /** One open rung of a case and whether the authority already let its deadline pass in silence. */
    public record OpenRung(Rung rung, Step step, boolean silent) {}

    /** One open case as the board needs it; everything derived (days left, flags) is computed from these facts. */
    public record CaseRow(UUID id, String caseNumber, String region, String lawyer, String lawyerName, String stage,
                          LocalDate nextLastDay, boolean authorityMissed, boolean applicantMissed, int approvedLetters,
                          List<OpenRung> rungs) {

        public Set<String> whoActs() {
            Set<String> who = new LinkedHashSet<>();
            rungs.forEach(r -> who.add(r.step().whoActs()));
            return who;
        }

        public boolean onRung(Rung rung) {
            return rungs.stream().anyMatch(r -> r.rung() == rung);
        }

        public boolean authoritySilent() {
            return authorityMissed || rungs.stream().anyMatch(OpenRung::silent);
        }
    }

    /**
     * What the board says about all the cases a filter selects: how many (on the filtered rung, if any), how many stand
     * on each rung (a case on two challenge routes counts on both; the rung filter does not narrow these), and the
     * regions and lawyers to offer in the filters (those of the region- and lawyer-filtered cases).
     */
    public record Summary(int total, Map<Rung, Integer> rungCounts, SortedSet<String> regions, SortedSet<String> lawyers) {}

    /**
     * One deadline in a lawyer's list. {@code awaitingFiling}: an applicant's term MISSED whose filing is still awaited;
     * {@code acknowledgedBy} (user name), {@code acknowledgedByName} and {@code acknowledgedAt}: who said they saw it
     * (null: nobody yet); {@code restoreMotion}: the motion to restore the term drafted for it, if any.
     */
    public record DueRow(UUID complaintId, String caseNumber, UUID deadlineId, String ruleId, String owedBy, String status,
                         LocalDate lastDay, java.time.Instant dueAt, String confidence, String legalBasis,
                         boolean awaitingFiling, String acknowledgedBy, String acknowledgedByName,
                         java.time.Instant acknowledgedAt, UUID restoreMotion) {

        public boolean acknowledged() {
            return acknowledgedBy != null;
        }
    }

    private final JdbcClient jdbc;

    BoardQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Sums the counters of the filter's (region, lawyer) pairs: a few hundred rows whatever the number of cases. */
    public Summary summary(Filter filter) {
        if (filter.staff() != null) {
            return assignedSummary(filter);
        }
        Map<Rung, Integer> rungCounts = new EnumMap<>(Rung.class);
        for (Rung r : Rung.values()) {
            rungCounts.put(r, 0);
        }
        int[] cases = {0};
        SortedSet<String> regions = new TreeSet<>();
        SortedSet<String> lawyers = new TreeSet<>();
        Where where = Where.of(filter, "", false);
        jdbc.sql("select region, lawyer, rung, cases from board_count where cases > 0" + where.sql())
                .params(where.params())
                .query(rs -> {
                    String rung = rs.getString("rung");
                    int n = rs.getInt("cases");
                    if (BoardRows.EVERY_RUNG.equals(rung)) {
                        cases[0] += n;
                        regions.add(rs.getString("region"));
                        lawyers.add(rs.getString("lawyer"));
                    } else {
                        rungCounts.merge(Rung.valueOf(rung), n, Integer::sum);
                    }
                });
        int total = filter.narrowed() ? count(filter) : filter.rung() == null ? cases[0] : rungCounts.get(filter.rung());
        return new Summary(total, rungCounts, regions, lawyers);
    }

    /**
     * A staff member's board counts only the cases assigned to them, which the shared counters cannot tell apart: they
     * are counted from the board rows reached through the member's grants (an index range of case_grant), a handful
     * of rows where the counters stand for every case.
     */
    private Summary assignedSummary(Filter filter) {
        Map<Rung, Integer> rungCounts = new EnumMap<>(Rung.class);
        for (Rung r : Rung.values()) {
            rungCounts.put(r, 0);
        }
        int[] total = {0};
        SortedSet<String> regions = new TreeSet<>();
        SortedSet<String> lawyers = new TreeSet<>();
        Where cases = Where.of(filter, "b.", false);
        jdbc.sql("select b.region, b.lawyer from case_grant g join board_case b on b.complaint_id = g.complaint_id"
                        + " where g.username = :staff and g.kind = 'STAFF'" + cases.sql())
                .params(cases.params()).param("staff", filter.staff())
                .query(rs -> {
                    total[0]++;
                    regions.add(rs.getString("region"));
                    lawyers.add(rs.getString("lawyer"));
                });
        Where rungsOf = Where.of(filter, "r.", false);
        jdbc.sql("select r.rung from case_grant g join board_case_rung r on r.complaint_id = g.complaint_id"
                        + " where g.username = :staff and g.kind = 'STAFF'" + rungsOf.sql())
                .params(rungsOf.params()).param("staff", filter.staff())
                .query(rs -> {
                    rungCounts.merge(Rung.valueOf(rs.getString("rung")), 1, Integer::sum);
                });
        int shown = filter.narrowed() ? count(filter) : filter.rung() == null ? total[0] : rungCounts.get(filter.rung());
        return new Summary(shown, rungCounts, regions, lawyers);
    }

    /**
     * How many cases a narrowed filter lists: the same index range as its page, counted (the flags' indexes keep it to
     * the flagged cases; a partial case number reads the board's rows, one narrow row per open case).
     */
    private int count(Filter filter) {
        if (filter.onlyCases() != null && filter.onlyCases().isEmpty()) {
            return 0;
        }
        Where where = Where.of(filter, "s.", true);
        var query = jdbc.sql("select count(*) from %s where 1 = 1%s".formatted(from(filter), where.sql())).params(where.params());
        if (filter.staff() != null) {
            query = query.param("staff", filter.staff());
        }
        return query.query(Integer.class).single();
    }

    /** The rows a filter reads (s): by rung, or the cases themselves, joined to a staff member's grants, and always b. */
    private static String from(Filter filter) {
        String from = filter.rung() == null ? "board_case s" : "board_case_rung s";
        if (filter.staff() != null) {
            // only the assigned cases: the grants' index range, joined to the board rows
            from += " join case_grant g on g.complaint_id = s.complaint_id and g.username = :staff and g.kind = 'STAFF'";
        }
        return from + " join board_case b on b.complaint_id = s.complaint_id";
    }

    /**
     * The cases a workbook exported from the board covers: with no filter set, every case of the scope, open and
     * closed (the statistics need the closed ones' outcomes); with a filter, the open cases the board lists with it.
     */
    public StageReport.Selection selection(Filter filter, CaseScope scope, boolean filtered) {
        if (!filtered) {
            return new StageReport.Selection(scope.condition("c.id", "c.lawyer"), scope.params());
        }
        if (filter.onlyCases() != null && filter.onlyCases().isEmpty()) {
            return new StageReport.Selection("1 = 0", Map.of());
        }
        Where where = Where.of(filter, "s.", true);
        Map<String, Object> params = new HashMap<>(where.params());
        if (filter.staff() != null) {
            params.put("staff", filter.staff());
        }
        return new StageReport.Selection("c.id in (select s.complaint_id from %s where 1 = 1%s)".formatted(from(filter), where.sql()),
                params);
    }

    /**
     * One page of the filter's cases in its order: by default most urgent first (earliest open last day, a missed term
     * awaiting filing included; cases with no running clock last), then case number. An index range in that order (by
     * rung, region, lawyer or flag), so a page reads about its own rows.
     */
    public List<CaseRow> page(Filter filter, int offset, int limit) {
        if (filter.onlyCases() != null && filter.onlyCases().isEmpty()) {
            return List.of();
        }
        Where where = Where.of(filter, "s.", true);
        String order = switch (filter.sort()) {
            case DAYS_ASC -> "s.next_last_day, s.case_number";
            case DAYS_DESC -> "s.next_last_day desc nulls last, s.case_number";
            case CASE_NUMBER -> "s.case_number";
        };
        var query = jdbc.sql("""
                select b.complaint_id, b.case_number, b.region, b.lawyer, u.full_name, b.stage, b.next_last_day,
                       b.authority_missed, b.applicant_missed
                from %s
                left join app_user u on u.username = b.lawyer
                where 1 = 1%s
                order by %s
                limit :limit offset :offset""".formatted(from(filter), where.sql(), order))
                .params(where.params());
        if (filter.staff() != null) {
            query = query.param("staff", filter.staff());
        }
        List<CaseRow> rows = query
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, i) -> {
                    Date next = rs.getDate("next_last_day");
                    return new CaseRow(rs.getObject("complaint_id", UUID.class), rs.getString("case_number"),
                            rs.getString("region"), rs.getString("lawyer"), rs.getString("full_name"), rs.getString("stage"),
                            next == null ? null : next.toLocalDate(), rs.getBoolean("authority_missed"),
                            rs.getBoolean("applicant_missed"), 0, List.of());
                })
                .list();
        if (rows.isEmpty()) {
            return rows;
        }
        List<UUID> ids = rows.stream().map(CaseRow::id).toList();
        Map<UUID, List<OpenRung>> rungs = openRungs(ids);
        Map<UUID, Integer> approved = approvedLetters(ids);
        return rows.stream().map(r -> new CaseRow(r.id(), r.caseNumber(), r.region(), r.lawyer(), r.lawyerName(), r.stage(),
                r.nextLastDay(), r.authorityMissed(), r.applicantMissed(), approved.getOrDefault(r.id(), 0),
                rungs.getOrDefault(r.id(), List.of())))
                .toList();
    }

    /**
     * The filter as conditions on a board table's columns (alias prefix; the case's own row is b), only the parts that
     * are set, so that the database picks the index that fits them. The rung is a condition on board_case_rung only.
     */
    private record Where(String sql, Map<String, Object> params) {
        static Where of(Filter filter, String prefix, boolean byRung) {
            StringBuilder sql = new StringBuilder();
            Map<String, Object> params = new HashMap<>();
            if (byRung && filter.rung() != null) {
                sql.append(" and ").append(prefix).append("rung = :rung");
                params.put("rung", filter.rung().name());
            }
            if (filter.region() != null) {
                sql.append(" and ").append(prefix).append("region = :region");
                params.put("region", filter.region());
            }
            if (filter.lawyer() != null) {
                sql.append(" and ").append(prefix).append("lawyer = :lawyer");
                params.put("lawyer", filter.lawyer());
            }
            if (!byRung) {
                return new Where(sql.toString(), params); // the counters' query: only region and lawyer
            }
            // on the case's own row where the page reads board_case itself, so that a flag's index gives the range
            String own = filter.rung() == null ? prefix : "b.";
            if (filter.flags().contains(Flag.MISSED)) {
                sql.append(" and ").append(own).append("applicant_missed = true");
            }
            if (filter.flags().contains(Flag.SILENT)) {
                sql.append(" and ").append(own).append("authority_silent = true");
            }
            if (filter.flags().contains(Flag.OVERDUE)) {
                sql.append(" and ").append(prefix).append("next_last_day < :today");
                params.put("today", filter.today());
            }
            if (filter.flags().contains(Flag.LETTER_NOT_FILED)) {
                sql.append(" and exists (select 1 from letter l where l.complaint_id = ").append(prefix)
                        .append("complaint_id and l.status = 'APPROVED' and l.filed_at is null)");
            }
            if (filter.caseNumber() != null) {
                CaseNumberMatch match = CaseNumberMatch.of(filter.caseNumber());
                sql.append(" and ").append(switch (match.kind()) {
                    case WHOLE -> own + "case_number = :number";
                    case RUNNING_NUMBER -> own + "case_seq = :number";
                    case PART -> "upper(" + prefix + "case_number) like :number";
                });
                params.put("number", match.value());
            }
            if (filter.onlyCases() != null) {
                sql.append(" and ").append(prefix).append("complaint_id in (:onlyCases)");
                params.put("onlyCases", filter.onlyCases());
            }
            return new Where(sql.toString(), params);
        }
    }

    /**
     * A case number as typed. A whole one (SHG-2026-000123, any case, zeros optional: SHG-2026-123) is looked up
     * exactly, and so are digits alone (123, 000123: the running number, of any year), both through an index; any other
     * text matches the numbers that contain it in any case (2026-0001), its LIKE wildcards taken literally, by reading
     * the board's rows.
     */
    record CaseNumberMatch(Kind kind, String value) {
        enum Kind { WHOLE, RUNNING_NUMBER, PART }

        private static final java.util.regex.Pattern WHOLE = java.util.regex.Pattern.compile("([A-Z]+)-(\\d{4})-(\\d{1,18})");
        private static final java.util.regex.Pattern DIGITS = java.util.regex.Pattern.compile("\\d{1,18}");

        static CaseNumberMatch of(String typed) {
            String number = typed.strip().toUpperCase(java.util.Locale.ROOT);
            java.util.regex.Matcher whole = WHOLE.matcher(number);
            if (whole.matches()) {
                return new CaseNumberMatch(Kind.WHOLE,
                        "%s-%s-%06d".formatted(whole.group(1), whole.group(2), Long.parseLong(whole.group(3))));
            }
            if (DIGITS.matcher(number).matches()) {
                return new CaseNumberMatch(Kind.RUNNING_NUMBER, number.replaceFirst("^0+", ""));
            }
            String literal = number.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            return new CaseNumberMatch(Kind.PART, "%" + literal + "%");
        }
    }

    /** The open rungs of the page's cases, oldest first (two opened together: by name), and whether the authority fell silent on each. */
    private Map<UUID, List<OpenRung>> openRungs(List<UUID> ids) {
        Map<UUID, List<OpenRung>> byComplaint = new HashMap<>();
        jdbc.sql("""
                select t.complaint_id, t.rung, t.step,
                       exists (select 1 from complaint_event e
                               where e.complaint_id = t.complaint_id and e.type = 'AUTHORITY_SILENT' and e.rung = t.rung) as silent
                from rung_track t
                where t.complaint_id in (:ids) and t.closed_at is null
                order by t.opened_at, t.rung
                """)
                .param("ids", ids)
                .query(rs -> {
                    byComplaint.computeIfAbsent(rs.getObject("complaint_id", UUID.class), k -> new ArrayList<>())
                            .add(new OpenRung(Rung.valueOf(rs.getString("rung")), Step.valueOf(rs.getString("step")),
                                    rs.getBoolean("silent")));
                });
        return byComplaint;
    }

    /** Approved letters not yet filed, per case of the page. */
    private Map<UUID, Integer> approvedLetters(List<UUID> ids) {
        Map<UUID, Integer> approved = new HashMap<>();
        jdbc.sql("""
                select complaint_id, count(*) as approved from letter
                where complaint_id in (:ids) and status = 'APPROVED' and filed_at is null
                group by complaint_id""")
                .param("ids", ids)
                .query(rs -> {
                    approved.put(rs.getObject("complaint_id", UUID.class), rs.getInt("approved"));
                });
        return approved;
    }

    /**
     * Deadlines of open cases that need someone: open ones whose last day falls before {@code until} (overdue
     * included), and applicant's terms marked missed whose filing is still awaited, however long ago (a motion to
     * restore the term may still save them; they leave when the filing, a recalculation or the closing ends them).
     * Overdue and missed ones nobody acknowledged come first, then the acknowledged ones, then the rest by last day.
     */
    public List<DueRow> due(CaseScope scope, LocalDate today, LocalDate until) {
        return due(scope.condition("c.id", "c.lawyer"), scope.params(), today, until);
    }

    /** The overdue and missed deadlines of one open case, as {@link #due} lists them (the case page's rows). */
    public List<DueRow> overdueOf(UUID complaintId, LocalDate today) {
        return due("c.id = :complaint", Map.of("complaint", complaintId), today, today.minusDays(1));
    }

    private List<DueRow> due(String scopeCondition, Map<String, Object> scopeParams, LocalDate today, LocalDate until) {
        return jdbc.sql("""
                select c.id, c.case_number, d.id as deadline_id, d.rule_id, d.owed_by, d.status, d.last_day, d.due_at,
                       d.confidence, d.legal_basis, (%1$s) as awaiting_filing,
                       a.acknowledged_by, au.full_name as acknowledged_name, a.acknowledged_at, ml.id as motion_id
                from deadline d join complaint c on c.id = d.complaint_id
                left join reminder_acknowledgement a on a.deadline_id = d.id
                left join app_user au on au.username = a.acknowledged_by
                left join letter ml on ml.idempotency_key = 'restore:' || cast(d.id as varchar)
                where c.status = 'OPEN' and d.superseded_by is null
                  and ((d.status = 'OPEN' and d.last_day <= :until) or (%1$s))
                  and %2$s
                order by case when d.status = 'OPEN' and d.last_day >= :today then 2
                              when a.deadline_id is null then 0 else 1 end,
                         d.last_day, d.due_at, c.case_number
                """.formatted(BoardRows.MISSED_AWAITING_FILING, scopeCondition))
                .params(scopeParams)
                .param("today", today)
                .param("until", until)
                .query((rs, i) -> new DueRow(rs.getObject("id", UUID.class), rs.getString("case_number"),
                        rs.getObject("deadline_id", UUID.class), rs.getString("rule_id"), rs.getString("owed_by"),
                        rs.getString("status"), rs.getDate("last_day").toLocalDate(),
                        rs.getObject("due_at", java.time.OffsetDateTime.class).toInstant(),
                        rs.getString("confidence"), rs.getString("legal_basis"), rs.getBoolean("awaiting_filing"),
                        rs.getString("acknowledged_by"), rs.getString("acknowledged_name"),
                        rs.getObject("acknowledged_at", java.time.OffsetDateTime.class) == null ? null
                                : rs.getObject("acknowledged_at", java.time.OffsetDateTime.class).toInstant(),
                        rs.getObject("motion_id", UUID.class)))
                .list();
    }
}
