package kz.shagym.report;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import kz.shagym.complaint.Rung;
import kz.shagym.complaint.Step;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The coordinators' ladder board and the lawyers' deadline list, read straight from the ledger. The board is two
 * queries for the whole page however many cases are open (complaints with their deadline and letter aggregates, then
 * every open rung track): a per-row query would make 10,000 open cases take seconds.
 */
@Repository
public class BoardQueries {

    /** What the board filters by; null means "any". A lawyer's board is always restricted to their own cases. */
    public record Filter(String region, String lawyer, Rung rung) {}

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

    /** One deadline in a lawyer's list. */
    public record DueRow(UUID complaintId, String caseNumber, String ruleId, String owedBy, String status,
                         LocalDate lastDay, java.time.Instant dueAt, String confidence, String legalBasis) {}

    private final JdbcClient jdbc;

    BoardQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every open case matching the region and lawyer filter, with its open rungs; the rung filter is the caller's. */
    public List<CaseRow> openCases(Filter filter) {
        Map<UUID, List<OpenRung>> rungs = openRungs(filter);
        return jdbc.sql("""
                select c.id, c.case_number, c.region, c.lawyer, u.full_name, c.stage,
                       d.next_last_day, coalesce(d.authority_missed, 0) as authority_missed, coalesce(l.approved, 0) as approved
                from complaint c
                left join app_user u on u.username = c.lawyer
                left join (select complaint_id,
                                  min(case when status = 'OPEN' then last_day end) as next_last_day,
                                  max(case when status = 'MISSED' and owed_by in ('AUTHORITY', 'STATE') then 1 else 0 end) as authority_missed
                           from deadline where superseded_by is null
                           group by complaint_id) d on d.complaint_id = c.id
                left join (select complaint_id, count(*) as approved from letter
                           where status = 'APPROVED' and filed_at is null group by complaint_id) l on l.complaint_id = c.id
                where c.status = 'OPEN'
                  and (cast(:region as varchar) is null or c.region = :region)
                  and (cast(:lawyer as varchar) is null or c.lawyer = :lawyer)
                """)
                .param("region", filter.region())
                .param("lawyer", filter.lawyer())
                .query((rs, i) -> caseRow(rs, rungs))
                .list();
    }

    private Map<UUID, List<OpenRung>> openRungs(Filter filter) {
        Map<UUID, List<OpenRung>> byComplaint = new HashMap<>();
        jdbc.sql("""
                select t.complaint_id, t.rung, t.step,
                       exists (select 1 from complaint_event e
                               where e.complaint_id = t.complaint_id and e.type = 'AUTHORITY_SILENT' and e.rung = t.rung) as silent
                from rung_track t join complaint c on c.id = t.complaint_id
                where t.closed_at is null and c.status = 'OPEN'
                  and (cast(:region as varchar) is null or c.region = :region)
                  and (cast(:lawyer as varchar) is null or c.lawyer = :lawyer)
                order by t.opened_at
                """)
                .param("region", filter.region())
                .param("lawyer", filter.lawyer())
                .query(rs -> {
                    byComplaint.computeIfAbsent(rs.getObject("complaint_id", UUID.class), k -> new ArrayList<>())
                            .add(new OpenRung(Rung.valueOf(rs.getString("rung")), Step.valueOf(rs.getString("step")),
                                    rs.getBoolean("silent")));
                });
        return byComplaint;
    }

    private static CaseRow caseRow(ResultSet rs, Map<UUID, List<OpenRung>> rungs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        Date next = rs.getDate("next_last_day");
        return new CaseRow(id, rs.getString("case_number"), rs.getString("region"), rs.getString("lawyer"),
                rs.getString("full_name"), rs.getString("stage"), next == null ? null : next.toLocalDate(),
                rs.getInt("authority_missed") > 0, rs.getInt("approved"), rungs.getOrDefault(id, List.of()));
    }

    /**
     * Deadlines of open cases whose last day falls before {@code until}: open ones (overdue included) and applicant's
     * terms already marked missed since {@code missedSince} (a motion to restore the term may still save them).
     * Overdue and missed come first because they sort by last day.
     */
    public List<DueRow> due(String lawyer, LocalDate missedSince, LocalDate until) {
        return jdbc.sql("""
                select c.id, c.case_number, d.rule_id, d.owed_by, d.status, d.last_day, d.due_at, d.confidence, d.legal_basis
                from deadline d join complaint c on c.id = d.complaint_id
                where c.status = 'OPEN' and d.superseded_by is null and d.last_day <= :until
                  and (d.status = 'OPEN' or (d.status = 'MISSED' and d.owed_by = 'APPLICANT' and d.last_day >= :since))
                  and (cast(:lawyer as varchar) is null or c.lawyer = :lawyer)
                order by d.last_day, d.due_at, c.case_number
                """)
                .param("lawyer", lawyer)
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
