package kz.shagym.complaint;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The board's rows (board_case, board_case_rung, board_count; V10), kept by the ledger: every ledger write that can
 * change what the board shows of a complaint calls {@link #changed}, and just before that transaction commits the
 * complaint's rows are recomputed from the ledger and its counters moved. The board then reads one index range and a
 * few hundred counters however many cases are open, instead of aggregating every open case's deadlines per request.
 *
 * <p>Counters are shared by all of a lawyer's cases in a region, so they are the last thing a transaction locks, in
 * one global order (sorted keys, at commit): two transactions can wait for each other's counters but never deadlock.
 */
@Repository
public class BoardRows {

    /** The board_count rung of a complaint itself (the other rows count its open rungs). */
    public static final String EVERY_RUNG = "*";

    /** A complaint as the board sorts, filters and counts it; one query definition for a refresh and a rebuild. */
    /**
     * An applicant's term marked MISSED whose rung still waits for the filing (deadline alias d): the coordinator must
     * still see it, so it keeps counting as the case's clock until the filing, a recalculation or the closing ends it.
     */
    public static final String MISSED_AWAITING_FILING = """
            d.status = 'MISSED' and d.owed_by = 'APPLICANT' and d.superseded_by is null
            and exists (select 1 from rung_track mt where mt.id = d.track_id and mt.closed_at is null
                          and mt.step in ('AWAITING_FILING', 'AWAITING_SUBMISSION'))""";

    /** A complaint as the board sorts, filters and counts it; one query definition for a refresh and a rebuild. */
    private static final String CASES_FROM_LEDGER = """
            select c.id as complaint_id, c.case_number, regexp_replace(c.case_number, '^.*-0*', '') as case_seq,
                   c.region, c.lawyer, c.stage,
                   (select min(d.last_day) from deadline d
                    where d.complaint_id = c.id and d.superseded_by is null
                      and (d.status = 'OPEN' or (%1$s))) as next_last_day,
                   exists (select 1 from deadline d
                           where d.complaint_id = c.id and d.status = 'MISSED' and d.owed_by in ('AUTHORITY', 'STATE')
                             and d.superseded_by is null) as authority_missed,
                   exists (select 1 from deadline d where d.complaint_id = c.id and %1$s) as applicant_missed,
                   (exists (select 1 from deadline d
                            where d.complaint_id = c.id and d.status = 'MISSED' and d.owed_by in ('AUTHORITY', 'STATE')
                              and d.superseded_by is null)
                    or exists (select 1 from rung_track t join complaint_event e
                                   on e.complaint_id = t.complaint_id and e.type = 'AUTHORITY_SILENT' and e.rung = t.rung
                               where t.complaint_id = c.id and t.closed_at is null)) as authority_silent
            from complaint c
            where c.status = 'OPEN'""".formatted(MISSED_AWAITING_FILING);

    private static final String OPEN_RUNGS_FROM_LEDGER = "select complaint_id, rung from rung_track where closed_at is null";

    private final JdbcClient jdbc;

    BoardRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One open complaint's board row and its distinct open rungs. */
    record Row(UUID complaintId, String caseNumber, String caseSeq, String region, String lawyer, String stage, LocalDate nextLastDay,
               boolean authorityMissed, boolean applicantMissed, boolean authoritySilent, SortedSet<String> rungs) {

        /** The counters this complaint adds one to. */
        List<CountKey> countKeys() {
            List<CountKey> keys = new ArrayList<>();
            keys.add(new CountKey(region, lawyer, EVERY_RUNG));
            rungs.forEach(rung -> keys.add(new CountKey(region, lawyer, rung)));
            return keys;
        }
    }

    record CountKey(String region, String lawyer, String rung) implements Comparable<CountKey> {
        private static final Comparator<CountKey> ORDER = Comparator.comparing(CountKey::region)
                .thenComparing(CountKey::lawyer).thenComparing(CountKey::rung);

        @Override
        public int compareTo(CountKey other) {
            return ORDER.compare(this, other);
        }
    }

    // ---- maintenance, called by the ledger --------------------------------------------------------------------

    /** The ledger changed something of this complaint that the board shows: refresh its rows before commit. */
    void changed(UUID complaintId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            refresh(List.of(complaintId)); // a write outside a transaction commits by itself: follow it at once
            return;
        }
        pendingRefresh().add(complaintId);
    }

    private PendingRefresh pendingRefresh() {
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            if (s instanceof PendingRefresh pending && pending.owner() == this) {
                return pending;
            }
        }
        PendingRefresh pending = new PendingRefresh();
        TransactionSynchronizationManager.registerSynchronization(pending);
        return pending;
    }

    /**
     * The complaints one transaction changed. Kept in the synchronization itself, not in a bound resource, so that a
     * nested REQUIRES_NEW transaction (whose synchronizations Spring keeps apart) refreshes its own complaints.
     */
    private final class PendingRefresh implements TransactionSynchronization {
        private final SortedSet<UUID> complaints = new TreeSet<>();
        private boolean refreshed;

        BoardRows owner() {
            return BoardRows.this;
        }

        void add(UUID complaintId) {
            if (refreshed) {
                refresh(List.of(complaintId)); // changed by another synchronization's beforeCommit, after ours
            } else {
                complaints.add(complaintId);
            }
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            refreshed = true;
            refresh(complaints);
        }
    }

    /** Recomputes the complaints' rows from the ledger (in id order), then moves the counters (in key order). */
    private void refresh(Collection<UUID> complaintIds) {
        SortedMap<CountKey, Integer> deltas = new TreeMap<>();
        for (UUID id : new TreeSet<>(complaintIds)) {
            lockComplaint(id);
            Optional<Row> stored = stored(id);
            Optional<Row> current = fromLedger(id);
            if (stored.equals(current)) {
                continue;
            }
            if (stored.isPresent() && current.isPresent() && sameCounts(stored.get(), current.get())) {
                update(stored.get(), current.get()); // the usual change: a deadline moved the next last day
                continue;
            }
            stored.ifPresent(row -> {
                delete(row.complaintId());
                row.countKeys().forEach(key -> deltas.merge(key, -1, Integer::sum));
            });
            current.ifPresent(row -> {
                insert(row);
                row.countKeys().forEach(key -> deltas.merge(key, 1, Integer::sum));
            });
        }
        deltas.forEach((key, delta) -> {
            if (delta != 0) {
                addToCount(key, delta);
            }
        });
    }

    /** Two transactions on one complaint refresh its rows one after the other (the ledger's writers hold it already). */
    private void lockComplaint(UUID id) {
        jdbc.sql("select id from complaint where id = :id for update").param("id", id).query(UUID.class).optional();
    }

    private Optional<Row> fromLedger(UUID id) {
        SortedSet<String> rungs = new TreeSet<>(jdbc.sql(OPEN_RUNGS_FROM_LEDGER + " and complaint_id = :id")
                .param("id", id).query((rs, i) -> rs.getString("rung")).list());
        return jdbc.sql(CASES_FROM_LEDGER + " and c.id = :id").param("id", id)
                .query((rs, i) -> row(rs, rungs)).optional();
    }

    private Optional<Row> stored(UUID id) {
        SortedSet<String> rungs = new TreeSet<>(jdbc.sql("select rung from board_case_rung where complaint_id = :id")
                .param("id", id).query(String.class).list());
        return jdbc.sql("select * from board_case where complaint_id = :id").param("id", id)
                .query((rs, i) -> row(rs, rungs)).optional();
    }

    private static Row row(java.sql.ResultSet rs, SortedSet<String> rungs) throws java.sql.SQLException {
        Date next = rs.getDate("next_last_day");
        return new Row(rs.getObject("complaint_id", UUID.class), rs.getString("case_number"), rs.getString("case_seq"),
                rs.getString("region"),
                rs.getString("lawyer"), rs.getString("stage"), next == null ? null : next.toLocalDate(),
                rs.getBoolean("authority_missed"), rs.getBoolean("applicant_missed"), rs.getBoolean("authority_silent"), rungs);
    }

    private static boolean sameCounts(Row stored, Row current) {
        return stored.countKeys().equals(current.countKeys()) && stored.caseNumber().equals(current.caseNumber());
    }

    private void update(Row stored, Row current) {
        jdbc.sql("""
                update board_case set stage = :stage, next_last_day = :next, authority_missed = :missed,
                  applicant_missed = :applicantMissed, authority_silent = :silent where complaint_id = :id""")
                .param("stage", current.stage()).param("next", current.nextLastDay()).param("missed", current.authorityMissed())
                .param("applicantMissed", current.applicantMissed()).param("silent", current.authoritySilent())
                .param("id", current.complaintId())
                .update();
        if (!Objects.equals(stored.nextLastDay(), current.nextLastDay())) {
            jdbc.sql("update board_case_rung set next_last_day = :next where complaint_id = :id")
                    .param("next", current.nextLastDay()).param("id", current.complaintId()).update();
        }
    }

    private void delete(UUID id) {
        jdbc.sql("delete from board_case_rung where complaint_id = :id").param("id", id).update();
        jdbc.sql("delete from board_case where complaint_id = :id").param("id", id).update();
    }

    private void insert(Row row) {
        jdbc.sql("""
                insert into board_case (complaint_id, case_number, case_seq, region, lawyer, stage, next_last_day,
                  authority_missed, applicant_missed, authority_silent)
                values (:id, :caseNumber, :caseSeq, :region, :lawyer, :stage, :next, :missed, :applicantMissed, :silent)""")
                .param("id", row.complaintId()).param("caseNumber", row.caseNumber()).param("caseSeq", row.caseSeq())
                .param("region", row.region())
                .param("lawyer", row.lawyer()).param("stage", row.stage()).param("next", row.nextLastDay())
                .param("missed", row.authorityMissed()).param("applicantMissed", row.applicantMissed())
                .param("silent", row.authoritySilent())
                .update();
        for (String rung : row.rungs()) {
            jdbc.sql("""
                    insert into board_case_rung (complaint_id, rung, region, lawyer, next_last_day, case_number)
                    values (:id, :rung, :region, :lawyer, :next, :caseNumber)""")
                    .param("id", row.complaintId()).param("rung", rung).param("region", row.region())
                    .param("lawyer", row.lawyer()).param("next", row.nextLastDay()).param("caseNumber", row.caseNumber())
                    .update();
        }
    }

    /** The first complaint of a new (region, lawyer, rung) creates its counter; a racing creator waits, then skips. */
    private void addToCount(CountKey key, int delta) {
        if (updateCount(key, delta) == 0) {
            jdbc.sql("insert into board_count (region, lawyer, rung, cases) values (:region, :lawyer, :rung, 0) on conflict do nothing")
                    .param("region", key.region()).param("lawyer", key.lawyer()).param("rung", key.rung()).update();
            updateCount(key, delta);
        }
    }

    private int updateCount(CountKey key, int delta) {
        return jdbc.sql("update board_count set cases = cases + :delta where region = :region and lawyer = :lawyer and rung = :rung")
                .param("delta", delta).param("region", key.region()).param("lawyer", key.lawyer()).param("rung", key.rung())
                .update();
    }

    // ---- whole-board operations --------------------------------------------------------------------------------

    /**
     * Recomputes every row and counter from the ledger, as V10 first filled them: for data written around the ledger
     * (the board benchmark's bulk load) or a repair. Call it in a transaction, with no ledger writes running.
     */
    public void rebuild() {
        jdbc.sql("delete from board_count").update();
        jdbc.sql("delete from board_case_rung").update();
        jdbc.sql("delete from board_case").update();
        jdbc.sql("insert into board_case (complaint_id, case_number, case_seq, region, lawyer, stage, next_last_day, "
                + "authority_missed, applicant_missed, authority_silent) " + CASES_FROM_LEDGER).update();
        jdbc.sql("""
                insert into board_case_rung (complaint_id, rung, region, lawyer, next_last_day, case_number)
                select distinct t.complaint_id, t.rung, b.region, b.lawyer, b.next_last_day, b.case_number
                from rung_track t join board_case b on b.complaint_id = t.complaint_id
                where t.closed_at is null""").update();
        jdbc.sql("insert into board_count (region, lawyer, rung, cases) select region, lawyer, '*', count(*) from board_case group by region, lawyer")
                .update();
        jdbc.sql("""
                insert into board_count (region, lawyer, rung, cases)
                select region, lawyer, rung, count(*) from board_case_rung group by region, lawyer, rung""").update();
    }

    /**
     * What differs between the maintained rows and the ledger they come from: complaints whose rows are missing, extra
     * or different, and counters that do not match the rows. Empty when the board is exact. Reads every open complaint.
     */
    public List<String> drift() {
        Map<UUID, Row> stored = allStored();
        Map<UUID, Row> fromLedger = allFromLedger();
        List<String> drift = new ArrayList<>();
        Set<UUID> ids = new TreeSet<>(stored.keySet());
        ids.addAll(fromLedger.keySet());
        for (UUID id : ids) {
            if (!Objects.equals(stored.get(id), fromLedger.get(id))) {
                drift.add("complaint " + id + ": board row " + stored.get(id) + ", ledger says " + fromLedger.get(id));
            }
        }
        Map<CountKey, Integer> expected = new TreeMap<>();
        stored.values().forEach(row -> row.countKeys().forEach(key -> expected.merge(key, 1, Integer::sum)));
        Map<CountKey, Integer> counted = new TreeMap<>();
        jdbc.sql("select region, lawyer, rung, cases from board_count where cases <> 0")
                .query(rs -> {
                    counted.put(new CountKey(rs.getString("region"), rs.getString("lawyer"), rs.getString("rung")), rs.getInt("cases"));
                });
        if (!expected.equals(counted)) {
            drift.add("counters " + counted + ", rows count " + expected);
        }
        return drift;
    }

    private Map<UUID, Row> allStored() {
        Map<UUID, SortedSet<String>> rungs = new HashMap<>();
        jdbc.sql("select complaint_id, rung from board_case_rung")
                .query(rs -> {
                    rungs.computeIfAbsent(rs.getObject("complaint_id", UUID.class), k -> new TreeSet<>()).add(rs.getString("rung"));
                });
        Map<UUID, Row> rows = new HashMap<>();
        jdbc.sql("select * from board_case").query(rs -> {
            Row row = row(rs, rungs.getOrDefault(rs.getObject("complaint_id", UUID.class), new TreeSet<>()));
            rows.put(row.complaintId(), row);
        });
        return rows;
    }

    private Map<UUID, Row> allFromLedger() {
        Map<UUID, SortedSet<String>> rungs = new HashMap<>();
        jdbc.sql(OPEN_RUNGS_FROM_LEDGER).query(rs -> {
            rungs.computeIfAbsent(rs.getObject("complaint_id", UUID.class), k -> new TreeSet<>()).add(rs.getString("rung"));
        });
        Map<UUID, Row> rows = new HashMap<>();
        jdbc.sql(CASES_FROM_LEDGER).query(rs -> {
            Row row = row(rs, rungs.getOrDefault(rs.getObject("complaint_id", UUID.class), new TreeSet<>()));
            rows.put(row.complaintId(), row);
        });
        return rows;
    }
}
