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

    /**
     * What the board filters by; null means "any". A lawyer's board is always restricted to their own cases, a staff
     * member's ({@code staff}) to the cases they are assigned to.
     */
    public record Filter(String region, String lawyer, Rung rung, String staff) {
        public Filter(String region, String lawyer, Rung rung) {
            this(region, lawyer, rung, null);
        }
    }

    /** One open rung of a case and whether the authority already let its deadline pass in silence. */
    public record OpenRung(Rung rung, Step step, boolean silent) {}

    /** One open case as the board needs it; everything derived (days left, flags) is computed from these facts. */
    public record CaseRow(UUID id, String caseNumber, String region, String lawyer, String lawyerName, String stage,
                          LocalDate nextLastDay, boolean authorityMissed, int approvedLetters, List<OpenRung> rungs) {

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

    /** One deadline in a lawyer's list. */
    public record DueRow(UUID complaintId, String caseNumber, String ruleId, String owedBy, String status,
                         LocalDate lastDay, java.time.Instant dueAt, String confidence, String legalBasis) {}

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
        int total = filter.rung() == null ? cases[0] : rungCounts.get(filter.rung());
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
        return new Summary(filter.rung() == null ? total[0] : rungCounts.get(filter.rung()), rungCounts, regions, lawyers);
    }

    /**
     * One page of the filter's cases, most urgent first: earliest open last day (cases with no running clock last),
     * then case number. An index range in that order (by rung, region or lawyer), so a page reads about its own rows.
     */
    public List<CaseRow> page(Filter filter, int offset, int limit) {
        String from = filter.rung() == null ? "board_case s" : "board_case_rung s";
        if (filter.staff() != null) {
            // only the assigned cases: the grants' index range, joined to the board rows
            from += " join case_grant g on g.complaint_id = s.complaint_id and g.username = :staff and g.kind = 'STAFF'";
        }
        Where where = Where.of(filter, "s.", true);
        var query = jdbc.sql("""
                select b.complaint_id, b.case_number, b.region, b.lawyer, u.full_name, b.stage, b.next_last_day, b.authority_missed
                from %s join board_case b on b.complaint_id = s.complaint_id
                left join app_user u on u.username = b.lawyer
                where 1 = 1%s
                order by s.next_last_day, s.case_number
                limit :limit offset :offset""".formatted(from, where.sql()))
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
                            next == null ? null : next.toLocalDate(), rs.getBoolean("authority_missed"), 0, List.of());
                })
                .list();
        if (rows.isEmpty()) {
            return rows;
        }
        List<UUID> ids = rows.stream().map(CaseRow::id).toList();
        Map<UUID, List<OpenRung>> rungs = openRungs(ids);
        Map<UUID, Integer> approved = approvedLetters(ids);
        return rows.stream().map(r -> new CaseRow(r.id(), r.caseNumber(), r.region(), r.lawyer(), r.lawyerName(), r.stage(),
                r.nextLastDay(), r.authorityMissed(), approved.getOrDefault(r.id(), 0), rungs.getOrDefault(r.id(), List.of())))
                .toList();
    }

    /**
     * The filter as conditions on a board table's columns (alias prefix), only the parts that are set, so that the
     * database picks the index that fits them. The rung is a condition on board_case_rung only.
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
            return new Where(sql.toString(), params);
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
     * Deadlines of open cases whose last day falls before {@code until}: open ones (overdue included) and applicant's
     * terms already marked missed since {@code missedSince} (a motion to restore the term may still save them).
     * Overdue and missed come first because they sort by last day.
     */
    public List<DueRow> due(CaseScope scope, LocalDate missedSince, LocalDate until) {
        return jdbc.sql("""
                select c.id, c.case_number, d.rule_id, d.owed_by, d.status, d.last_day, d.due_at, d.confidence, d.legal_basis
                from deadline d join complaint c on c.id = d.complaint_id
                where c.status = 'OPEN' and d.superseded_by is null and d.last_day <= :until
                  and (d.status = 'OPEN' or (d.status = 'MISSED' and d.owed_by = 'APPLICANT' and d.last_day >= :since))
                  and %s
                order by d.last_day, d.due_at, c.case_number
                """.formatted(scope.condition("c.id", "c.lawyer")))
                .params(scope.params())
                .param("since", missedSince)
                .param("until", until)
                .query((rs, i) -> new DueRow(rs.getObject("id", UUID.class), rs.getString("case_number"),
                        rs.getString("rule_id"), rs.getString("owed_by"), rs.getString("status"),
                        rs.getDate("last_day").toLocalDate(),
                        rs.getObject("due_at", java.time.OffsetDateTime.class).toInstant(),
                        rs.getString("confidence"), rs.getString("legal_basis")))
                .list();
    }
}
