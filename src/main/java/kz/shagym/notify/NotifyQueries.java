package kz.shagym.notify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kz.shagym.security.CaseScope;
import kz.shagym.security.Role;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Read-only queries on the ledger's tables (complaint, deadline, rung_track, complaint_event, app_user). */
@Component
class NotifyQueries {

    /** A user who can receive mail. */
    record Recipient(String username, String role, String email, String language) {}

    private static final String FACTS = """
            select d.id, d.complaint_id, c.case_number, c.status as complaint_status, c.stage, c.lawyer, d.rule_id, d.role,
              d.owed_by, d.status, d.superseded_by, d.trigger_at, d.last_day, d.due_at, d.legal_basis, d.created_at,
              d.track_id, d.trigger_event_id, t.rung, t.step, t.closed_at as track_closed_at,
              (select count(*) from reminder_acknowledgement a where a.deadline_id = d.id) as acks,
              (select count(*) from complaint_event e where e.complaint_id = d.complaint_id
                 and e.type in ('AUTHORITY_SILENT', 'ANSWER_OVERDUE') and e.detail = d.rule_id and e.occurred_at = d.due_at) as silences
            from deadline d join complaint c on c.id = d.complaint_id left join rung_track t on t.id = d.track_id
            """;

    private final JdbcClient jdbc;

    NotifyQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<DeadlineFacts> deadlinesOf(UUID complaintId) {
        return jdbc.sql(FACTS + "where d.complaint_id = :c order by d.created_at").param("c", complaintId).query(FACTS_ROW).list();
    }

    Optional<DeadlineFacts> deadline(UUID deadlineId) {
        return jdbc.sql(FACTS + "where d.id = :d").param("d", deadlineId).query(FACTS_ROW).optional();
    }

    /** Current open deadlines of the open cases a user may see ({@link CaseScope}), for digests and calendars. */
    List<DeadlineFacts> openDeadlines(CaseScope scope) {
        return jdbc.sql(FACTS + "where c.status = 'OPEN' and d.superseded_by is null and d.status in ('OPEN', 'MISSED') and "
                        + scope.condition("c.id", "c.lawyer") + " order by d.last_day, c.case_number")
                .params(scope.params())
                .query(FACTS_ROW).list();
    }

    /** A recipient's cases: the same rule as their lists on the pages. */
    static CaseScope scopeOf(Recipient user) {
        return CaseScope.of(user.username(), Role.valueOf(user.role()));
    }

    /** How many earlier versions a deadline replaced: the chain of one rung's clock (same complaint, role and track). */
    int predecessors(DeadlineFacts d) {
        return jdbc.sql("""
                select count(*) from deadline where complaint_id = :c and role = :role and superseded_by is not null
                  and (track_id = :track or (track_id is null and trigger_event_id = :event))""")
                .param("c", d.complaintId()).param("role", d.role()).param("track", d.trackId())
                .param("event", d.triggerEventId()).query(Integer.class).single();
    }

    Optional<Recipient> recipient(String username) {
        return jdbc.sql("select username, role, email, language from app_user where username = :u and enabled = true")
                .param("u", username).query(RECIPIENT).optional();
    }

    /** Coordinators with an address: they are told of every overdue term. */
    List<Recipient> coordinators() {
        return jdbc.sql("""
                select username, role, email, language from app_user
                where role = 'COORDINATOR' and enabled = true and email is not null and email <> '' order by username""")
                .query(RECIPIENT).list();
    }

    /** Lawyers and coordinators with an address: they get the daily digest. */
    List<Recipient> digestRecipients() {
        return jdbc.sql("""
                select username, role, email, language from app_user
                where role in ('LAWYER', 'COORDINATOR') and enabled = true and email is not null and email <> ''
                order by username""")
                .query(RECIPIENT).list();
    }

    List<UUID> complaintsToReconcile() {
        return jdbc.sql("""
                select id from complaint where status = 'OPEN'
                union select distinct complaint_id from reminder where status in ('PENDING', 'FAILED_RETRYING') and complaint_id is not null""")
                .query(UUID.class).list();
    }

    private static final RowMapper<Recipient> RECIPIENT = (rs, i) -> new Recipient(rs.getString("username"),
            rs.getString("role"), rs.getString("email"), rs.getString("language"));

    private static final RowMapper<DeadlineFacts> FACTS_ROW = (rs, i) -> new DeadlineFacts(
            uuid(rs, "id"), uuid(rs, "complaint_id"), rs.getString("case_number"), rs.getString("complaint_status"),
            rs.getString("stage"), rs.getString("lawyer"), rs.getString("rule_id"), rs.getString("role"),
            rs.getString("owed_by"), rs.getString("status"), uuid(rs, "superseded_by"), instant(rs, "trigger_at"),
            rs.getObject("last_day", LocalDate.class), instant(rs, "due_at"), rs.getString("legal_basis"),
            instant(rs, "created_at"), uuid(rs, "track_id"), uuid(rs, "trigger_event_id"), rs.getString("rung"),
            rs.getString("step"), rs.getObject("track_closed_at", OffsetDateTime.class) != null, rs.getInt("acks") > 0,
            rs.getInt("silences") > 0);

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }
}
