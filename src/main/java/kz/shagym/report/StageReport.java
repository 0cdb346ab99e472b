package kz.shagym.report;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Iterator;
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
 * Feeds the coordinators' statistics workbook from the ledger without holding all cases in memory: three queries
 * ordered by complaint id (cases, their rungs, their authority deadlines), merged as they stream.
 */
@Component
class StageReport {

    private final JdbcClient jdbc;
    private final ShagymClock clock;
    private final StagesWorkbook workbook = new StagesWorkbook();

    private final RegionCatalog regions;

    StageReport(JdbcClient jdbc, ShagymClock clock, RegionCatalog regions) {
        this.regions = regions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record CaseHead(UUID id, String caseNumber, String region, String stage, String lawyer, Instant createdAt) {}

    record TrackRow(UUID complaintId, String rung, Instant openedAt, Instant closedAt, String outcome) {}

    record WaitRow(UUID complaintId, int waits, int silences) {}

    @Transactional(readOnly = true)
    public void write(OutputStream out, String language) throws IOException {
        Instant now = clock.instant();
        try (Stream<CaseHead> cases = jdbc.sql("select id, case_number, region, stage, lawyer, created_at from complaint order by id")
                .query((rs, i) -> new CaseHead(rs.getObject("id", UUID.class), rs.getString("case_number"),
                        regions.name(rs.getString("region"), language), rs.getString("stage"), rs.getString("lawyer"), rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .stream();
             Stream<TrackRow> tracks = jdbc.sql("select complaint_id, rung, opened_at, closed_at, outcome from rung_track order by complaint_id, opened_at")
                     .query((rs, i) -> new TrackRow(rs.getObject("complaint_id", UUID.class), rs.getString("rung"),
                             rs.getObject("opened_at", OffsetDateTime.class).toInstant(),
                             rs.getObject("closed_at", OffsetDateTime.class) == null ? null : rs.getObject("closed_at", OffsetDateTime.class).toInstant(),
                             rs.getString("outcome"))).stream();
             Stream<WaitRow> waits = jdbc.sql("""
                     select complaint_id, count(*) as waits, sum(case when status = 'MISSED' then 1 else 0 end) as silences
                     from deadline where owed_by in ('AUTHORITY', 'STATE') and superseded_by is null
                     group by complaint_id order by complaint_id""")
                     .query((rs, i) -> new WaitRow(rs.getObject("complaint_id", UUID.class), rs.getInt("waits"), rs.getInt("silences"))).stream()) {
            Merge merge = new Merge(tracks.iterator(), waits.iterator(), now);
            workbook.write(cases.map(merge::row), out);
        }
    }

    /** Walks the rung and deadline streams alongside the case stream (all ordered by complaint id). */
    private static final class Merge {
        private final PeekingIterator<TrackRow> tracks;
        private final PeekingIterator<WaitRow> waits;
        private final Instant now;

        Merge(Iterator<TrackRow> tracks, Iterator<WaitRow> waits, Instant now) {
            this.tracks = new PeekingIterator<>(tracks);
            this.waits = new PeekingIterator<>(waits);
            this.now = now;
        }

        StagesWorkbook.CaseRow row(CaseHead c) {
            UUID id = c.id();
            Map<String, Integer> days = new LinkedHashMap<>();
            String outcome = null;
            while (tracks.hasNext() && tracks.peek().complaintId().compareTo(id) < 0) {
                tracks.next();
            }
            while (tracks.hasNext() && tracks.peek().complaintId().equals(id)) {
                TrackRow t = tracks.next();
                long spent = Duration.between(t.openedAt(), t.closedAt() == null ? now : t.closedAt()).toDays();
                days.merge(t.rung(), (int) spent, Integer::sum);
                if (t.outcome() != null) {
                    outcome = t.outcome();
                }
            }
            while (waits.hasNext() && waits.peek().complaintId().compareTo(id) < 0) {
                waits.next();
            }
            WaitRow w = waits.hasNext() && waits.peek().complaintId().equals(id) ? waits.next() : new WaitRow(id, 0, 0);
            LocalDate opened = c.createdAt().atZone(DeadlineCalculator.ZONE).toLocalDate();
            return new StagesWorkbook.CaseRow(c.caseNumber(), c.region(), c.stage(), c.lawyer(), opened, days, w.waits(),
                    w.silences(), outcome);
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
