package kz.shagym.report;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import kz.shagym.clock.ShagymClock;
import kz.shagym.complaint.RegionCatalog;
import kz.shagym.deadline.DeadlineCalculator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Feeds the coordinators' statistics workbook from the ledger without holding all cases in memory: four queries
 * ordered by complaint id (cases, their rungs, their authority deadlines, their filings), merged as they stream.
 */
@Component
public class StageReport {

    /**
     * Which cases a workbook covers: a condition on the complaint (alias c) with its parameters. {@link #ALL} is every
     * case, open and closed.
     */
    public record Selection(String condition, Map<String, Object> params) {
        public static final Selection ALL = new Selection("1 = 1", Map.of());

        /** The condition on another table's complaint id column: one of the selected complaints. */
        String of(String complaintIdColumn) {
            return this.equals(ALL) ? "1 = 1"
                    : complaintIdColumn + " in (select c.id from complaint c where " + condition + ")";
        }
    }

    private final JdbcClient jdbc;
    private final ShagymClock clock;

    private final RegionCatalog regions;

    StageReport(JdbcClient jdbc, ShagymClock clock, RegionCatalog regions) {
        this.regions = regions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record CaseHead(UUID id, String caseNumber, String region, String stage, String lawyer, Instant filedAt) {}

    /**
     * A rung with the authorities' dates that bound it: {@code startedAt} is when the act that opened it happened (the
     * decision or filing, as the lawyer entered it), {@code endedAt} when the act that closed it did, or the lapsed
     * term's end for a silence (null: still open). Days per rung count between these, not between the moments someone
     * typed them in.
     */
    record TrackRow(UUID complaintId, String rung, Instant startedAt, Instant endedAt, String outcome) {}

    record WaitRow(UUID complaintId, int waits, int silences) {}

    record FilingRow(UUID complaintId, Instant filedAt) {}

    /** Every case, in Russian. */
    @Transactional(readOnly = true)
    public void write(OutputStream out) throws IOException {
        write(out, Selection.ALL, java.util.Locale.forLanguageTag("ru"));
    }

    @Transactional(readOnly = true)
    public void write(OutputStream out, Selection selection, java.util.Locale language) throws IOException {
        Instant now = clock.instant();
        try (Stream<CaseHead> cases = jdbc.sql("select c.id, c.case_number, c.region, c.stage, c.lawyer, c.filed_at from complaint c where "
                        + selection.condition() + " order by c.id")
                .params(selection.params())
                .query((rs, i) -> new CaseHead(rs.getObject("id", UUID.class), rs.getString("case_number"),
                        regions.name(rs.getString("region"), language.getLanguage()),
                        rs.getString("stage"), rs.getString("lawyer"), instant(rs, "filed_at")))
                .stream();
             // The act that opened a rung and the one that closed it are recorded in the same change as the rung's
             // opening and closing, so they share its instant: their own dates are the authority's.
             Stream<TrackRow> tracks = jdbc.sql("""
                     select t.complaint_id, t.rung, t.opened_at, t.closed_at, t.outcome,
                            (select max(e.occurred_at) from complaint_event e
                             where e.complaint_id = t.complaint_id and e.recorded_at = t.opened_at) as started_at,
                            (select max(e.occurred_at) from complaint_event e
                             where e.complaint_id = t.complaint_id and e.recorded_at = t.closed_at) as ended_at
                     from rung_track t where %s order by t.complaint_id, t.opened_at"""
                             .formatted(selection.of("t.complaint_id")))
                     .params(selection.params())
                     .query((rs, i) -> {
                         Instant opened = instant(rs, "opened_at");
                         Instant closed = instant(rs, "closed_at");
                         Instant started = instant(rs, "started_at");
                         Instant ended = instant(rs, "ended_at");
                         return new TrackRow(rs.getObject("complaint_id", UUID.class), rs.getString("rung"),
                                 started != null ? started : opened, closed == null ? null : ended != null ? ended : closed,
                                 rs.getString("outcome"));
                     }).stream();
             Stream<WaitRow> waits = jdbc.sql("""
                     select complaint_id, count(*) as waits, sum(case when status = 'MISSED' then 1 else 0 end) as silences
                     from deadline where owed_by in ('AUTHORITY', 'STATE') and superseded_by is null and %s
                     group by complaint_id order by complaint_id""".formatted(selection.of("complaint_id")))
                     .params(selection.params())
                     .query((rs, i) -> new WaitRow(rs.getObject("complaint_id", UUID.class), rs.getInt("waits"), rs.getInt("silences"))).stream();
             Stream<FilingRow> filings = jdbc.sql("""
                     select complaint_id, occurred_at from complaint_event where type = 'FILED' and %s
                     order by complaint_id, occurred_at""".formatted(selection.of("complaint_id")))
                     .params(selection.params())
                     .query((rs, i) -> new FilingRow(rs.getObject("complaint_id", UUID.class), instant(rs, "occurred_at"))).stream()) {
            Merge merge = new Merge(tracks.iterator(), waits.iterator(), filings.iterator(), now);
            new StagesWorkbook(language).write(cases.map(merge::row), out);
        }
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /**
     * The order in which H2 and PostgreSQL sort a {@code uuid} column: byte by byte, unsigned. {@link UUID#compareTo}
     * compares the two halves as signed longs, so a merge walking query results with it skips the rows of every id whose
     * first hex digit is 8–f once it has seen a lower one.
     */
    static final java.util.Comparator<UUID> LEDGER_ORDER = (a, b) -> {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    };

    /** Walks the rung, deadline and filing streams alongside the case stream (all ordered by complaint id). */
    private static final class Merge {
        private final PeekingIterator<TrackRow> tracks;
        private final PeekingIterator<WaitRow> waits;
        private final PeekingIterator<FilingRow> filings;
        private final Instant now;

        Merge(Iterator<TrackRow> tracks, Iterator<WaitRow> waits, Iterator<FilingRow> filings, Instant now) {
            this.tracks = new PeekingIterator<>(tracks);
            this.waits = new PeekingIterator<>(waits);
            this.filings = new PeekingIterator<>(filings);
            this.now = now;
        }

        StagesWorkbook.CaseRow row(CaseHead c) {
            UUID id = c.id();
            Map<String, Integer> days = new LinkedHashMap<>();
            String outcome = null;
            while (tracks.hasNext() && LEDGER_ORDER.compare(tracks.peek().complaintId(), id) < 0) {
                tracks.next();
            }
            while (tracks.hasNext() && tracks.peek().complaintId().equals(id)) {
                TrackRow t = tracks.next();
                Instant end = t.endedAt() == null ? now : t.endedAt();
                long spent = end.isBefore(t.startedAt()) ? 0 : Duration.between(t.startedAt(), end).toDays();
                days.merge(t.rung(), (int) spent, Integer::sum);
                if (t.outcome() != null) {
                    outcome = t.outcome();
                }
            }
            while (waits.hasNext() && LEDGER_ORDER.compare(waits.peek().complaintId(), id) < 0) {
                waits.next();
            }
            WaitRow w = waits.hasNext() && waits.peek().complaintId().equals(id) ? waits.next() : new WaitRow(id, 0, 0);
            while (filings.hasNext() && LEDGER_ORDER.compare(filings.peek().complaintId(), id) < 0) {
                filings.next();
            }
            List<LocalDate> filed = new ArrayList<>();
            while (filings.hasNext() && filings.peek().complaintId().equals(id)) {
                filed.add(filings.next().filedAt().atZone(DeadlineCalculator.ZONE).toLocalDate());
            }
            LocalDate opened = c.filedAt().atZone(DeadlineCalculator.ZONE).toLocalDate();
            return new StagesWorkbook.CaseRow(c.caseNumber(), c.region(), c.stage(), c.lawyer(), opened, filed, days,
                    w.waits(), w.silences(), outcome);
        }
    }

    private static final class PeekingIterator<T> implements Iterator<T> {
        private final Iterator<T> source;
        private T next;

        PeekingIterator(Iterator<T> source) {
            this.source = source;
        }

        T peek() {
            if (next == null && source.hasNext()) {
                next = source.next();
            }
            return next;
        }

        @Override
        public boolean hasNext() {
            return peek() != null;
        }

        @Override
        public T next() {
            T value = peek();
            next = null;
            return value;
        }
    }
}
